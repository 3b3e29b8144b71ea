import { goals, type Results } from './results';

const pad = (text: string, width: number) => text.padEnd(width);

/** The figures against their goals, and the detail a reader needs to judge them. */
export function printTable(r: Results): void {
  const rows = goals(r).map((g) => g.unit === 'grew'
    ? [g.name, r.memory.grew ? 'grew' : 'flat', 'flat', g.ok ? 'ok' : 'MISSED']
    : [g.name, `${g.value} ${g.unit}`, `≤ ${g.goal} ${g.unit}`, g.ok ? 'ok' : 'MISSED']);
  const head = ['measure', 'figure', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [head, ...rows]) console.log(row.map((cell, i) => pad(cell, widths[i] ?? 0)).join('  '));
  const t = r.timeToContext;
  console.log(`\ntime to context (ms): warm p50 ${t.warm.p50} p95 ${t.warm.p95} (n ${t.warm.n}); cold p50 ${t.cold.p50} p95 ${t.cold.p95} (n ${t.cold.n}); from the list, warm p50 ${t.fromListWarm.p50} p95 ${t.fromListWarm.p95} (n ${t.fromListWarm.n})`);
  for (const [kind, parts] of Object.entries(t.split)) {
    console.log(`  ${kind} p50: content script ${parts.contentScript.p50}, delivery ${parts.delivery.p50}, sidebar ${parts.sidebar.p50}`);
  }
  console.log(`  lookups per cold open ${t.lookupsPerColdOpen}, during warm opens ${t.lookupsWarm}; frame clock offset ${t.clock.offsetMs} ± ${t.clock.uncertaintyMs} ms`);
  console.log(`  CRM handler ms per cold open: ${JSON.stringify(t.serverMsPerColdOpen)}`);
  const b = r.badges.detail;
  console.log(`badges (ms): cold p50 ${b.cold.p50} p95 ${b.cold.p95} (n ${b.cold.n}); warm p50 ${b.warm.p50} p95 ${b.warm.p95} (n ${b.warm.n}); badges per inbox ${b.badgesExpected.join(',')}`);
  console.log(`  CRM handler ms per cold inbox: ${JSON.stringify(b.serverMsPerColdRun)}`);
  for (const [phase, cost] of Object.entries(r.observer.byPhase)) {
    console.log(`observer ${phase}: mean ${cost.meanMs} ms (cpu ${cost.meanCpuMs}), p95 ${cost.p95Ms} ms over ${cost.batches} batches, ${cost.calls} calls`);
  }
  const m = r.memory;
  console.log(`memory after ${m.opens} opens: content script ${m.contentScriptMB} MB (mail tab ${m.tabMB} less ${m.baselineTabMB} without it), worker ${m.workerMB} MB, grew ${m.grew}; sidebar frame ${m.sidebarMB} MB, grew ${m.sidebarGrew}`);
  console.log(`  ${m.samples.map((s) => `${s.opens}: tab ${s.contentScriptMB} / worker ${s.workerMB} / sidebar ${s.sidebarMB} MB, ${s.domNodes} nodes, ${s.listeners} listeners`).join('\n  ')}`);
  console.log(`sizes (gzip bytes): content script ${r.sizes.contentScriptGzip} Gmail, ${r.sizes.outlookContentScriptGzip} Outlook; sidebar ${r.sizes.sidebarGzip}, and one language's messages ${JSON.stringify(r.sizes.sidebarMessagesGzip)}, together at most ${r.sizes.sidebarFirstLoadGzip}; background ${r.sizes.backgroundGzip}`);
}
