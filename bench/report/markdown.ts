import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Results } from './results';

type Goal = { name: string; value: number; unit: string; goal: number; ok: boolean };

/**
 * The figures of `bench/results.json` as the Markdown table in docs/performance.md:
 * `npx tsx bench/report/markdown.ts`.
 */
const file = resolve(import.meta.dirname, '../results.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as Results & { goals: Goal[] };
const rows = r.goals.map((g) => g.unit === 'grew'
  ? `| ${g.name} | ${r.memory.grew ? 'grew' : 'flat'} | flat | ${g.ok ? 'met' : '**missed**'} |`
  : `| ${g.name} | ${g.value} ${g.unit} | ≤ ${g.goal} ${g.unit} | ${g.ok ? 'met' : '**missed**'} |`);
const t = r.timeToContext;
const b = r.badges.detail;
const o = r.observer;
const m = r.memory;
console.log([
  `Run of ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC (${r.scale}, tree at ${r.treeAt}, ${r.machine.chromium}, ${r.machine.cpus} cores, load average ${r.machine.loadBefore[0]} before and ${r.machine.loadAfter[0]} after).`,
  '',
  '| measure | figure | goal | |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
  `- Time to context (ms): warm p50 ${t.warm.p50}, p95 ${t.warm.p95}, max ${t.warm.max} (n ${t.warm.n}); cold p50 ${t.cold.p50}, p95 ${t.cold.p95}, max ${t.cold.max} (n ${t.cold.n}); warm from the list p50 ${t.fromListWarm.p50}, p95 ${t.fromListWarm.p95} (n ${t.fromListWarm.n}).`,
  ...Object.entries(t.split).map(([kind, s]) => `  - ${kind}, p50 (p95): content script ${s.contentScript.p50} (${s.contentScript.p95}), delivery ${s.delivery.p50} (${s.delivery.p95}), sidebar ${s.sidebar.p50} (${s.sidebar.p95}).`),
  `  - ${t.lookupsPerColdOpen} lookup request per cold open, ${t.lookupsWarm} during warm opens; CRM handler ms per cold open: ${Object.entries(t.serverMsPerColdOpen).map(([k, v]) => `${k} ${v}`).join(', ')}. Frame clock offset ${t.clock.offsetMs} ± ${t.clock.uncertaintyMs} ms.`,
  `- Badges (ms): cold p50 ${b.cold.p50}, p95 ${b.cold.p95} (n ${b.cold.n}); warm p50 ${b.warm.p50}, p95 ${b.warm.p95} (n ${b.warm.n}); ${b.badgesExpected[0]} badges per inbox; lookups per cold inbox ${b.requestsPerColdRun.join(', ')}, in all warm re-renders ${r.badges.requests.warm}; CRM handler ms per cold inbox: ${Object.entries(b.serverMsPerColdRun).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  ...Object.entries(o.byPhase).map(([phase, c]) => `- Observer, ${phase}: mean ${c.meanMs} ms (thread time ${c.meanCpuMs}), p95 ${c.p95Ms} ms over ${c.batches} batches, ${c.calls} content-script calls.`),
  `- Memory after ${m.opens} opens: content script ${m.contentScriptMB} MB (tab ${m.tabMB} less ${m.baselineTabMB}), worker ${m.workerMB} MB, sidebar frame ${m.sidebarMB} MB; ${m.samples.map((s) => `${s.opens}: ${s.contentScriptMB}/${s.workerMB}/${s.sidebarMB} MB, ${s.domNodes} nodes`).join('; ')}. Opens during the run: p50 ${m.openMs.p50} ms, p95 ${m.openMs.p95} ms.`,
  `- Sizes (gzip, level 9): content script ${r.sizes.contentScriptGzip} B Gmail (${r.sizes.detail.contentScript.bytes} B raw), ${r.sizes.outlookContentScriptGzip} B Outlook; one language's messages, read by the sidebar before its first render: ${JSON.stringify(r.sizes.sidebarMessagesGzip)} B; sidebar ${r.sizes.sidebarGzip} B (${r.sizes.detail.sidebar.files.join(', ')}), ${(r.sizes.sidebarFirstLoadGzip as number | undefined) ?? '(a run before it was measured: not)'} B with the largest messages, background ${r.sizes.backgroundGzip} B.`,
].join('\n'));
