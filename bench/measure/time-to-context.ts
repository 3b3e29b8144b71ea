import type { BenchCrm } from '../crm/start-crm';
import { askCrm, lookupCount, type AccountFacts } from '../crm/ask-crm';
import { busyBetween } from '../crm/server-time';
import { measureClockOffset, type ClockOffset } from '../browser/clock';
import type { MailSession } from '../browser/session';
import { PLAN, threadSender } from '../data/clients';
import { swapMain } from '../browser/page-actions';
import { emptyInboxPage, threadPage } from '../pages/gmail-pages';
import { openThread, type OpenTiming } from './thread-open';
import { SIDEBAR_SELECTOR } from '../browser/sidebar-probe';

export interface TimeToContextRun {
  cold: OpenTiming[];
  warm: OpenTiming[];
  /** Warm clients opened from the list: the sidebar frame put away beside the list comes back. */
  fromList: OpenTiming[];
  /** POST /v1/lookup per cold open, as the CRM counted them. */
  lookupsPerColdOpen: number;
  lookupsWarm: number;
  /** CRM handler time per cold open, by route (ms). */
  serverMsPerColdOpen: Record<string, number>;
  clock: ClockOffset;
}

/** A fresh thread number for every open, so each is a thread Gmail has not shown before. */
let opened = 0;
export const nextOpen = () => ++opened;

/** The thread clients' facts as the CRM states them. */
export async function threadClients(crm: BenchCrm, count: number): Promise<AccountFacts[]> {
  const facts = await askCrm(crm, Array.from({ length: count }, (_, i) => threadSender(i)));
  return Array.from({ length: count }, (_, i) => {
    const f = facts.get(threadSender(i));
    if (!f) throw new Error(`the CRM does not know ${threadSender(i)}`);
    return f;
  });
}

/** Client order for a warm round: every client once, never the same one twice in a row. */
const rotation = (count: number, round: number) => Array.from({ length: count }, (_, i) => (i * 7 + round * 3) % count);

/**
 * The first open of every thread client is cold (nothing cached anywhere for it); then
 * `warmRounds` rounds open each again from another thread (the frame stays, its hash changes).
 * Last, `fromList` warm opens start from the inbox, where the sidebar is gone.
 */
export async function measureTimeToContext(session: MailSession, crm: BenchCrm, opts: { clients: number; warmRounds: number; fromList: number }): Promise<TimeToContextRun> {
  const clients = await threadClients(crm, Math.min(opts.clients, PLAN.threadClients));
  const { page } = session;
  const at = (i: number) => clients[i] as AccountFacts;
  // The first open creates the sidebar frame; the clock check needs it. Client 0 stays cold:
  // the check uses the last client, which then is not measured cold.
  const last = clients.length - 1;
  await openThread(page, threadPage(last, nextOpen()), at(last), 0);
  const clock = await measureClockOffset(page);
  const cold: OpenTiming[] = [];
  const warm: OpenTiming[] = [];
  const before = await lookupCount(crm);
  const busyBefore = await crm.busy();
  for (let i = 0; i < last; i++) {
    // Each cold open starts from a quiet CRM, as when a user reads one client before opening the
    // next: the previous client's history, asked for after its header was painted, is answered.
    await crm.quiet();
    cold.push(await openThread(page, threadPage(i, nextOpen()), at(i), clock.offsetMs));
  }
  const serverMsPerColdOpen = busyBetween(busyBefore, await crm.busy(), cold.length);
  const afterCold = await lookupCount(crm);
  for (let round = 0; round < opts.warmRounds; round++) {
    for (const i of rotation(clients.length, round)) warm.push(await openThread(page, threadPage(i, nextOpen()), at(i), clock.offsetMs));
  }
  const afterWarm = await lookupCount(crm);
  const fromList: OpenTiming[] = [];
  for (let k = 0; k < opts.fromList; k++) {
    await swapMain(page, emptyInboxPage(), '#inbox');
    await page.waitForSelector(SIDEBAR_SELECTOR, { state: 'detached', timeout: 30_000 });
    const i = (k * 7) % clients.length;
    fromList.push(await openThread(page, threadPage(i, nextOpen()), at(i), clock.offsetMs));
  }
  return { cold, warm, fromList, lookupsPerColdOpen: (afterCold - before) / Math.max(1, cold.length), lookupsWarm: afterWarm - afterCold, serverMsPerColdOpen, clock };
}
