import { launchBuilt } from '../browser/launch';
import { NAME_SHIM } from '../browser/session';
import { startBenchCrm } from '../crm/start-crm';
import { threadSender } from '../data/clients';
import { threadClients } from '../measure/time-to-context';
import { percentile } from '../report/stats';
import { encodeSidebarContext } from '../../lib/messaging/sidebar-link';
import { configureForMail } from '../../test/browser/support/mail-pages';

/**
 * The sidebar page alone (no mail page beside it), switching among clients whose answers it has
 * cached: from the hash change to the client's name and open commitments shown, timed inside the
 * page. What the sidebar's own rendering costs, without the mail page's work competing for the
 * cores. `npx tsx bench/profile/sidebar-switch.ts [switches]` on the built extension.
 */
const switches = Number(process.argv[2] ?? 200);
const CLIENTS = 10;
const crm = await startBenchCrm();
const ext = await launchBuilt();
try {
  await configureForMail(ext, crm.url, crm.token);
  const clients = await threadClients(crm, CLIENTS);
  await ext.context.addInitScript({ content: NAME_SHIM });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  const hash = (i: number, thread: number) => encodeSidebarContext({
    site: 'gmail', threadId: `switch-${thread}`, subject: 'Service review', sentAt: '2026-11-20T09:30:00.000Z',
    participants: [{ name: '', email: threadSender(i) }],
  });
  const shown = (i: number, thread: number) => page.evaluate(([h, name, open]) => new Promise<number>((done) => {
    const ok = () => document.querySelector('[data-testid="account-name"]')?.textContent === name
      && document.querySelectorAll('[data-testid="commitments"] [data-testid="commitment"][data-status="open"]').length === open;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!ok()) return;
      observer.disconnect();
      done(performance.now() - started);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    location.hash = h;
  }), [hash(i, thread), clients[i]?.name ?? '', clients[i]?.openCommitments ?? 0] as const);
  await page.goto(ext.url('sidebar.html'));
  // Every client once, so each answer is cached; then the timed switches.
  for (let i = 0; i < CLIENTS; i++) {
    await shown(i, -1 - i);
    await page.waitForTimeout(300);
  }
  const ms: number[] = [];
  for (let k = 0; k < switches; k++) {
    ms.push(await shown((k * 3) % CLIENTS, k));
    await page.waitForTimeout(60);
  }
  console.log(`sidebar switch: p50 ${percentile(ms, 50).toFixed(2)}, p90 ${percentile(ms, 90).toFixed(2)}, p95 ${percentile(ms, 95).toFixed(2)} ms (n ${ms.length})`);
} finally {
  await ext.close();
  await crm.stop();
}
