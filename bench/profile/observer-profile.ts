import { churn, type ChurnPhase } from '../browser/churn';
import { openMailSession } from '../browser/session';
import { startBenchCrm } from '../crm/start-crm';
import { measureBadges } from '../measure/badges';
import { emptyInboxPage } from '../pages/gmail-pages';
import { costsOf, profileWhile } from './cpu-profile';
import { ANALYSIS_OUT } from './wxt.analysis.config';

/**
 * Where the content script's time goes during list churn, by function and source line: the
 * unminified, source-mapped analysis build (`BENCH_UNMINIFIED=1 npx wxt build -c
 * bench/profile/wxt.analysis.config.ts`) under the CPU profiler. `npx tsx
 * bench/profile/observer-profile.ts [rows|cells] [steps]`.
 */
const phase = (process.argv[2] ?? 'rows') as ChurnPhase;
const steps = Number(process.argv[3] ?? 20);
const dir = `${ANALYSIS_OUT}-unminified/chrome-mv3`;
const crm = await startBenchCrm();
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), dir);
  try {
    await measureBadges(session, crm, { runs: 1, warmPerRun: 1 });
    const profile = await profileWhile(session.cdp, () => churn(session.page, [phase], steps));
    const costs = costsOf(profile, session.contentScriptUrl, `${dir}/content-scripts/gmail.js.map`);
    const top = costs.filter((c) => c.totalMs > 0).slice(0, 30);
    const all = costs.reduce((sum, c) => sum + c.selfMs, 0);
    console.log(`${phase}: ${steps} batches, content script ${(all / steps).toFixed(3)} ms per batch (sampled)`);
    for (const c of top) console.log(`${(c.totalMs / steps).toFixed(3).padStart(8)} incl ${(c.selfMs / steps).toFixed(3).padStart(8)} self  ${c.name}  ${c.where}`);
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
}
