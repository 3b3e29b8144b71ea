import { openMailSession } from '../browser/session';
import { snapshotBuild } from '../browser/snapshot';
import { startBenchCrm } from '../crm/start-crm';
import { measureTimeToContext } from '../measure/time-to-context';
import { emptyInboxPage } from '../pages/gmail-pages';
import { percentile } from '../report/stats';

/**
 * Every open of the time-to-context measure on its own line (total, content script, delivery,
 * sidebar, in ms), to see whether a tail is a few slow opens or a spread: `npx tsx
 * bench/profile/cold-opens.ts` (cold opens of the 40 thread clients; `WARM=N` adds N warm rounds).
 */
const warmRounds = Number(process.env.WARM ?? 0);
const build = snapshotBuild();
const crm = await startBenchCrm();
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), build.dir);
  try {
    const run = await measureTimeToContext(session, crm, { clients: 40, warmRounds, fromList: 0 });
    for (const [name, opens] of [['cold', run.cold], ['warm', run.warm]] as const) {
      if (opens.length === 0) continue;
      console.log(`${name}: total\tcontent script\tdelivery\tsidebar`);
      for (const o of opens) console.log([o.total, o.contentScript, o.delivery, o.sidebar].map((ms) => ms.toFixed(1)).join('\t'));
      const totals = opens.map((o) => o.total);
      console.log(`${name}: p50 ${percentile(totals, 50).toFixed(1)}, p95 ${percentile(totals, 95).toFixed(1)} ms (n ${opens.length})`);
    }
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
  build.remove();
}
