import { openMailSession } from '../browser/session';
import { attachToTarget } from '../cdp/worker-session';
import { startBenchCrm } from '../crm/start-crm';
import { measureBadges } from '../measure/badges';
import { emptyInboxPage } from '../pages/gmail-pages';
import { costsOf, profileWhile } from './cpu-profile';
import { ANALYSIS_OUT } from './wxt.analysis.config';

/**
 * Where a cold inbox's time goes: the unminified analysis build under the CPU profiler in the mail
 * tab and the background worker while `runs` inboxes of fresh senders get their badges.
 * `npx tsx bench/profile/badges-profile.ts [runs]`.
 */
const runs = Number(process.argv[2] ?? 4);
const dir = `${ANALYSIS_OUT}-unminified/chrome-mv3`;
const print = (title: string, rows: ReturnType<typeof costsOf>) => {
  console.log(`${title}, ms per cold inbox (inclusive / self):`);
  for (const c of rows.slice(0, 22)) console.log(`${(c.totalMs / runs).toFixed(3).padStart(8)} ${(c.selfMs / runs).toFixed(3).padStart(8)}  ${c.name}  ${c.where}`);
};
const crm = await startBenchCrm();
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), dir);
  try {
    const browser = session.ext.context.browser();
    if (!browser) throw new Error('no browser');
    const worker = await attachToTarget(browser, 'service_worker', session.ext.url('background.js'));
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: 50 });
    await worker.send('Profiler.start');
    let result: Awaited<ReturnType<typeof measureBadges>> | null = null;
    const page = await profileWhile(session.cdp, async () => { result = await measureBadges(session, crm, { runs, warmPerRun: 0 }); });
    const { profile } = await worker.send<{ profile: Parameters<typeof costsOf>[0] }>('Profiler.stop');
    await worker.detach();
    console.log('cold inboxes (ms):', JSON.stringify(result));
    print('content script', costsOf(page, session.contentScriptUrl, `${dir}/content-scripts/gmail.js.map`));
    print('background worker', costsOf(profile, session.ext.url('background.js'), `${dir}/background.js.map`));
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
}
