import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { openMailSession } from './browser/session';
import { snapshotBuild } from './browser/snapshot';
import { startBenchCrm } from './crm/start-crm';
import { PLAN } from './data/clients';
import { measureBadges } from './measure/badges';
import { measureMemory } from './measure/memory';
import { measureObserver } from './measure/observer';
import { measureSizes } from './measure/sizes';
import { measureTimeToContext } from './measure/time-to-context';
import { emptyInboxPage } from './pages/gmail-pages';
import { buildResults, goals } from './report/results';
import { printTable } from './report/table';

/**
 * `npm run bench`: the extension's benchmarks in real Chromium against the project's CRM
 * (docs/performance.md). `npm run bench -- --quick` runs a few of each to try the harness.
 */
const quick = process.argv.includes('--quick');
const SCALE = quick
  ? { name: 'quick', badgeRuns: 2, warmPerRun: 2, churnSteps: 5, clients: 8, warmRounds: 1, fromList: 2, opens: 40, every: 20 }
  : { name: 'full', badgeRuns: 12, warmPerRun: 5, churnSteps: 40, clients: PLAN.threadClients, warmRounds: 2, fromList: 12, opens: 500, every: 100 };
const OUT = resolve(import.meta.dirname, 'results.json');

const log = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

const loadBefore = loadavg();
const build = snapshotBuild();
const sizes = measureSizes(build.dir);
log(`built extension copied (tree at ${build.commit}); starting the CRM (demo team + generated clients)`);
const crm = await startBenchCrm();
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), build.dir);
  try {
    const chromium = session.ext.context.browser()?.version() ?? 'unknown';
    log(`inbox badges: ${SCALE.badgeRuns} cold runs, ${SCALE.warmPerRun} warm re-renders each`);
    const badges = await measureBadges(session, crm, { runs: SCALE.badgeRuns, warmPerRun: SCALE.warmPerRun });
    log(`observer: ${SCALE.churnSteps} batches per phase under a trace`);
    const observer = await measureObserver(session, SCALE.churnSteps);
    log(`time to context: ${SCALE.clients} clients, ${SCALE.warmRounds} warm rounds, ${SCALE.fromList} from the list`);
    const context = await measureTimeToContext(session, crm, SCALE);
    log(`memory: ${SCALE.opens} thread opens`);
    const memory = await measureMemory(session, crm, { opens: SCALE.opens, every: SCALE.every, clients: SCALE.clients });
    const results = buildResults({ scale: SCALE.name, commit: build.commit, chromium, loadBefore, sizes, badges, observer, context, memory });
    writeFileSync(OUT, `${JSON.stringify({ ...results, goals: goals(results) }, null, 2)}\n`);
    printTable(results);
    log(`wrote ${OUT}`);
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
  build.remove();
}
