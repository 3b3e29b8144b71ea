import { cpus, loadavg } from 'node:os';
import type { BadgeRun } from '../measure/badges';
import { grew, GROWTH_TOLERANCE, type MemoryRun } from '../measure/memory';
import type { ObserverRun } from '../measure/observer';
import { SIDEBAR_FIRST_LOAD_GOAL, type Sizes } from '../measure/sizes';
import type { OpenTiming } from '../measure/thread-open';
import type { TimeToContextRun } from '../measure/time-to-context';
import { percentile, round, spread } from './stats';

const split = (opens: readonly OpenTiming[]) => {
  const part = (key: keyof OpenTiming) => ({ p50: round(percentile(opens.map((o) => o[key]), 50)), p95: round(percentile(opens.map((o) => o[key]), 95)) });
  return { contentScript: part('contentScript'), delivery: part('delivery'), sidebar: part('sidebar') };
};
const totals = (opens: readonly OpenTiming[]) => spread(opens.map((o) => o.total));

export interface Measured {
  scale: string;
  commit: string;
  chromium: string;
  loadBefore: number[];
  sizes: Sizes;
  badges: BadgeRun;
  observer: ObserverRun;
  context: TimeToContextRun;
  memory: MemoryRun;
}

/** bench/results.json: the figures the tracker issue asks for, with their detail and the goals. */
export function buildResults(m: Measured) {
  const first = m.memory.samples[0];
  const last = m.memory.samples[m.memory.samples.length - 1];
  const cold = spread(m.badges.cold);
  const warm = spread(m.badges.warm);
  return {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadBefore: m.loadBefore.map((x) => round(x)), loadAfter: loadavg().map((x) => round(x)), chromium: m.chromium },
    scale: m.scale,
    treeAt: m.commit,
    timeToContext: {
      warm: totals(m.context.warm),
      cold: totals(m.context.cold),
      fromListWarm: totals(m.context.fromList),
      split: { warm: split(m.context.warm), cold: split(m.context.cold), fromListWarm: split(m.context.fromList) },
      lookupsPerColdOpen: round(m.context.lookupsPerColdOpen),
      lookupsWarm: m.context.lookupsWarm,
      serverMsPerColdOpen: m.context.serverMsPerColdOpen,
      clock: { offsetMs: round(m.context.clock.offsetMs, 3), uncertaintyMs: round(m.context.clock.uncertaintyMs, 3) },
    },
    badges: {
      warm: warm.p50,
      cold: cold.p50,
      requests: { cold: Math.max(...m.badges.requestsCold), warm: m.badges.requestsWarm },
      detail: { warm, cold, requestsPerColdRun: m.badges.requestsCold, serverMsPerColdRun: m.badges.serverMsPerColdRun, rows: 100, senders: 60, badgesExpected: m.badges.expected },
    },
    observer: {
      meanMs: m.observer.meanMs,
      p95Ms: m.observer.p95Ms,
      unrelatedWork: m.observer.unrelatedWork,
      byPhase: m.observer.byPhase,
    },
    memory: {
      // The mail tab's isolate less the same page's without the content script.
      contentScriptMB: last ? round(last.contentScriptMB - m.memory.baselineTabMB, 3) : Number.NaN,
      tabMB: last?.contentScriptMB ?? Number.NaN,
      baselineTabMB: m.memory.baselineTabMB,
      workerMB: last?.workerMB ?? Number.NaN,
      sidebarMB: last?.sidebarMB ?? Number.NaN,
      grew: !first || !last ? null : grew(first.contentScriptMB, last.contentScriptMB) || grew(first.workerMB, last.workerMB),
      sidebarGrew: !first || !last ? null : grew(first.sidebarMB, last.sidebarMB),
      tolerance: GROWTH_TOLERANCE,
      opens: last?.opens ?? 0,
      samples: m.memory.samples,
      openMs: spread(m.memory.openMs),
    },
    sizes: {
      contentScriptGzip: m.sizes.contentScript.gzip,
      outlookContentScriptGzip: m.sizes.outlookContentScript.gzip,
      sidebarMessagesGzip: Object.fromEntries(Object.entries(m.sizes.sidebarMessages).map(([language, size]) => [language, size.gzip])),
      sidebarGzip: m.sizes.sidebar.gzip,
      /** The sidebar's code and styles with the largest language's messages: what its goal judges. */
      sidebarFirstLoadGzip: m.sizes.sidebarFirstLoad.gzip,
      backgroundGzip: m.sizes.background.gzip,
      detail: m.sizes,
    },
  };
}

export type Results = ReturnType<typeof buildResults>;

/** The tracker issue's goals, each with the figure it judges. */
export function goals(r: Results) {
  const kb = 1024;
  const contentScript = Math.max(r.sizes.contentScriptGzip, r.sizes.outlookContentScriptGzip);
  return [
    { name: 'time to context, warm p95', value: r.timeToContext.warm.p95, unit: 'ms', goal: 16, ok: r.timeToContext.warm.p95 <= 16 },
    { name: 'time to context, cold p95', value: r.timeToContext.cold.p95, unit: 'ms', goal: 60, ok: r.timeToContext.cold.p95 <= 60 },
    { name: 'inbox badges, warm (p50)', value: r.badges.warm, unit: 'ms', goal: 16, ok: r.badges.warm <= 16 },
    { name: 'inbox badges, cold (p50)', value: r.badges.cold, unit: 'ms', goal: 100, ok: r.badges.cold <= 100 },
    { name: 'lookups per cold inbox', value: r.badges.requests.cold, unit: 'req', goal: 1, ok: r.badges.requests.cold <= 1 },
    { name: 'lookups, warm inboxes', value: r.badges.requests.warm, unit: 'req', goal: 0, ok: r.badges.requests.warm === 0 },
    { name: 'observer, mean per batch', value: r.observer.meanMs, unit: 'ms', goal: 0.2, ok: r.observer.meanMs <= 0.2 },
    { name: 'content script gzip (larger of Gmail, Outlook)', value: round(contentScript / kb, 1), unit: 'KB', goal: 15, ok: contentScript <= 15 * kb },
    { name: 'sidebar first load gzip (with the largest messages.json)', value: round(r.sizes.sidebarFirstLoadGzip / kb, 1), unit: 'KB', goal: SIDEBAR_FIRST_LOAD_GOAL / kb, ok: r.sizes.sidebarFirstLoadGzip <= SIDEBAR_FIRST_LOAD_GOAL },
    { name: 'heap growth over the run', value: r.memory.grew === null ? NaN : Number(r.memory.grew), unit: 'grew', goal: 0, ok: r.memory.grew === false },
  ];
}
