import { openMailSession } from '../browser/session';
import { measureClockOffset } from '../browser/clock';
import { startBenchCrm } from '../crm/start-crm';
import { openThread } from '../measure/thread-open';
import { nextOpen, threadClients } from '../measure/time-to-context';
import { emptyInboxPage, threadPage } from '../pages/gmail-pages';
import { snapshotBuild } from '../browser/snapshot';
import { percentile } from '../report/stats';

/**
 * Where the wall-clock time of a thread open goes, across every process at once: a browser-wide
 * trace over cold (or, with `warm`, warm) opens, then for each process and thread the time its
 * top-level tasks were running inside the opens, as a share of the opens' time, and what the four
 * busiest spent it on. A process busy for most of an open is on its critical path; one that is
 * idle is waiting on another; shares that add up to more than the cores there are say the opens
 * wait for a core. `npx tsx bench/profile/open-trace.ts [warm]` on the production build in
 * `.output` (or `EXTENSION_OUT_DIR`). Options, as environment variables:
 * - `CLIENTS` (20): thread clients; the first opens the frame, each other one is opened once, traced;
 * - `DETAIL=k`: the k-th traced open task by task on the renderers' main threads and the worker
 *   (`MIN_US`, 300: the shortest event listed);
 * - `FORCED=1` with `TRACE_CATS=toplevel,devtools.timeline,blink.user_timing,__metadata,disabled-by-default-devtools.timeline.stack`:
 *   the layouts that scripts forced, by the script's stack;
 * - `TRACE_CATS`: the trace categories, comma-separated.
 */
interface Event { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }

const warm = process.argv[2] === 'warm';
const CLIENTS = Number(process.env.CLIENTS ?? 20);
const build = snapshotBuild();
const crm = await startBenchCrm().catch((error: unknown) => {
  build.remove();
  throw error;
});
try {
  const session = await openMailSession(crm, 'https://mail.google.com/mail/u/0/#inbox', emptyInboxPage(), build.dir);
  try {
    const clients = await threadClients(crm, CLIENTS);
    await openThread(session.page, threadPage(0, nextOpen()), clients[0]!, 0);
    const clock = await measureClockOffset(session.page);
    if (warm) for (let i = 1; i < CLIENTS; i++) await openThread(session.page, threadPage(i, nextOpen()), clients[i]!, clock.offsetMs);
    const browser = session.ext.context.browser();
    if (!browser) throw new Error('no browser');
    const cdp = await browser.newBrowserCDPSession();
    const events: Event[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as Event[])));
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: process.env.TRACE_CATS?.split(',') ?? ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'] } });
    const totals: number[] = [];
    for (let i = 1; i < CLIENTS; i++) {
      await crm.quiet();
      totals.push((await openThread(session.page, threadPage(i, nextOpen()), clients[i]!, clock.offsetMs)).total);
    }
    await cdp.send('Tracing.end');
    await done;
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.args?.name) names.set(`${e.pid}:${e.name === 'process_name' ? '' : e.tid}`, e.args.name);
    // Busy time per process/thread: top-level tasks ('RunTask' in 'toplevel'), clipped to each open.
    const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined);
    // The trace clock is not the wall clock: the opens are found by their order, from the marks
    // the content script leaves ('crm:sidebar-handed'). An open's window starts 5 ms before its
    // mark (about the content script's share) and lasts the open's measured time.
    const marks = events.filter((e) => e.name === 'crm:sidebar-handed').map((e) => e.ts).sort((a, b) => a - b);
    const windows = marks.slice(0, totals.length).map((mark, k) => ({ start: mark - 5_000, end: mark - 5_000 + (totals[k] ?? 0) * 1000 }));
    const threadOf = (e: Event) => `${names.get(`${e.pid}:`) ?? e.pid} / ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    const busy = new Map<string, number>();
    let covered = 0;
    for (const { start, end } of windows) {
      covered += end - start;
      for (const t of tasks) {
        const a = Math.max(t.ts, start);
        const b = Math.min(t.ts + (t.dur ?? 0), end);
        if (b > a) busy.set(threadOf(t), (busy.get(threadOf(t)) ?? 0) + (b - a));
      }
    }
    if (marks.length !== totals.length) console.log(`${marks.length} hand-over marks for ${totals.length} opens: the windows below are paired by order and may be off`);
    console.log(`${warm ? 'warm' : 'cold'} opens: p50 ${percentile(totals, 50).toFixed(1)} p95 ${percentile(totals, 95).toFixed(1)} ms (n ${totals.length}, ${marks.length} marks)`);
    console.log('busy share of the opens\' time, by process / thread:');
    for (const [key, us] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${((100 * us) / covered).toFixed(1).padStart(6)} %  ${(us / 1000 / totals.length).toFixed(2).padStart(7)} ms/open  ${key}`);
    // Inside the busiest threads: time by timeline event (nested events counted in each level).
    for (const [key] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 4)) {
      const byName = new Map<string, number>();
      for (const { start, end } of windows) {
        for (const e of events) {
          if (e.ph !== 'X' || e.dur === undefined || e.name === 'ThreadControllerImpl::RunTask' || threadOf(e) !== key) continue;
          const a = Math.max(e.ts, start);
          const b = Math.min(e.ts + e.dur, end);
          if (b > a) byName.set(e.name, (byName.get(e.name) ?? 0) + (b - a));
        }
      }
      console.log(`${key}:`);
      for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`   ${(us / 1000 / totals.length).toFixed(2).padStart(7)} ms/open  ${name}`);
    }
    // One open, task by task, on the threads that matter (DETAIL=k: the k-th traced open).
    const detail = Number(process.env.DETAIL ?? -1);
    const span = windows[detail];
    const mark = marks[detail];
    if (span && mark !== undefined) {
      const { start, end } = span;
      const shown = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts + (e.dur ?? 0) > start - 3_000 && e.ts < end && (e.dur ?? 0) >= Number(process.env.MIN_US ?? 300))
        .filter((e) => /CrRendererMain|ServiceWorker thread/.test(threadOf(e)) && !threadOf(e).startsWith('WebUI'))
        .sort((a, b) => a.ts - b.ts);
      for (const e of shown) console.log(`${((e.ts - mark) / 1000).toFixed(1).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${threadOf(e).padEnd(42)} ${e.name} ${JSON.stringify((e.args as { data?: { functionName?: string; url?: string } } | undefined)?.data ?? {}).slice(0, 80)}`);
    }
    // Layouts forced by a script, with the script's stack (TRACE_CATS with disabled-by-default-devtools.timeline.stack).
    if (process.env.FORCED) {
      const seen = new Map<string, { n: number; us: number }>();
      for (const e of events) {
        const frames = (e.args as { beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number; columnNumber: number }[] } } | undefined)?.beginData?.stackTrace;
        if (!frames || (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree')) continue;
        const where = `${e.name} ${frames.slice(0, 3).map((f) => `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`).join(' < ')}`;
        const s = seen.get(where) ?? { n: 0, us: 0 };
        s.n++;
        s.us += e.dur ?? 0;
        seen.set(where, s);
      }
      for (const [where, s] of [...seen].sort((a, b) => b[1].us - a[1].us).slice(0, 15)) console.log(`forced ${s.n}x ${(s.us / 1000 / totals.length).toFixed(2)} ms/open  ${where}`);
    }
    // What else the browser runs (its own pages have renderers too).
    const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: { type: string; url: string }[] };
    for (const t of targetInfos) console.log(`target ${t.type} ${t.url.slice(0, 100)}`);
  } finally {
    await session.close();
  }
} finally {
  await crm.stop();
  build.remove();
}
