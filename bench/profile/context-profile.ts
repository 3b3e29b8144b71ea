import { openMailSession } from '../browser/session';
import { measureClockOffset } from '../browser/clock';
import { SIDEBAR_SELECTOR } from '../browser/sidebar-probe';
import { startBenchCrm } from '../crm/start-crm';
import { sidebarFiles } from '../measure/sizes';
import { openThread } from '../measure/thread-open';
import { nextOpen, threadClients } from '../measure/time-to-context';
import { emptyInboxPage, threadPage } from '../pages/gmail-pages';
import { attachToTarget } from '../cdp/worker-session';
import { costsOf, profileWhile } from './cpu-profile';
import { ANALYSIS_OUT } from './wxt.analysis.config';

/**
 * Where a thread open's time goes in the content script and in the sidebar frame, by function:
 * the unminified analysis build under the CPU profiler, in the mail tab, the sidebar frame and
 * the background worker at once, over warm
 * opens (or cold ones: `npx tsx bench/profile/context-profile.ts cold`).
 */
const cold = process.argv[2] === 'cold';
const CLIENTS = Number(process.env.CLIENTS ?? 12);
const dir = `${ANALYSIS_OUT}-unminified/chrome-mv3`;
const crm = await startBenchCrm();
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), dir);
  try {
    const clients = await threadClients(crm, CLIENTS);
    const open = async (i: number, offset: number) => (await openThread(session.page, threadPage(i, nextOpen()), clients[i] ?? clients[0]!, offset)).total;
    // Client 0 opens the frame; the rest stay cold for a cold profile.
    await open(0, 0);
    const clock = await measureClockOffset(session.page);
    if (!cold) for (let i = 1; i < CLIENTS; i++) await open(i, clock.offsetMs);
    const frame = await (await session.page.waitForSelector(SIDEBAR_SELECTOR))?.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    const frameCdp = await session.ext.context.newCDPSession(frame);
    const totals: number[] = [];
    const browser = session.ext.context.browser();
    const worker = browser ? await attachToTarget(browser, 'service_worker', session.ext.url('background.js')) : null;
    if (worker) {
      await worker.send('Profiler.enable');
      await worker.send('Profiler.setSamplingInterval', { interval: 50 });
      await worker.send('Profiler.start');
    }
    const order = Array.from({ length: CLIENTS - 1 }, (_, k) => 1 + ((k * 5) % (CLIENTS - 1)));
    const frameProfile = profileWhile(frameCdp, async () => {
      const pageProfile = await profileWhile(session.cdp, async () => {
        for (const i of order) totals.push(await open(i, clock.offsetMs));
      });
      const costs = costsOf(pageProfile, session.contentScriptUrl, `${dir}/content-scripts/gmail.js.map`);
      console.log(`${cold ? 'cold' : 'warm'} opens: ${totals.map((t) => t.toFixed(1)).join(' ')}`);
      console.log('content script, ms per open (inclusive / self):');
      for (const c of costs.slice(0, Number(process.env.CS_ROWS ?? 14))) console.log(`${(c.totalMs / order.length).toFixed(3).padStart(8)} ${(c.selfMs / order.length).toFixed(3).padStart(8)}  ${c.name}  ${c.where}`);
    });
    const profile = await frameProfile;
    if (worker) {
      const { profile: workerProfile } = await worker.send<{ profile: Parameters<typeof costsOf>[0] }>('Profiler.stop');
      console.log('background worker, ms per open (inclusive / self):');
      for (const c of costsOf(workerProfile, session.ext.url('background.js'), `${dir}/background.js.map`).slice(0, 24)) {
        console.log(`${(c.totalMs / order.length).toFixed(3).padStart(8)} ${(c.selfMs / order.length).toFixed(3).padStart(8)}  ${c.name}  ${c.where}`);
      }
      await worker.detach();
    }
    console.log('sidebar frame, ms per open (inclusive / self):');
    const rows = sidebarFiles(dir).filter((f) => f.endsWith('.js'))
      .flatMap((file) => costsOf(profile, session.ext.url(file), `${dir}/${file}.map`))
      .sort((a, b) => b.totalMs - a.totalMs);
    for (const c of rows.slice(0, Number(process.env.ROWS ?? 30))) console.log(`${(c.totalMs / order.length).toFixed(3).padStart(8)} ${(c.selfMs / order.length).toFixed(3).padStart(8)}  ${c.name}  ${c.where}`);
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
}
