import type { OutboxRig } from './outbox-rig';

/**
 * Polls `check` until it answers true. A check that throws counts as "not yet": a message sent
 * while the worker is being stopped fails, and the next one wakes it again.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      if (await check()) return;
      last = null;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The ids of interactions the CRM committed, in commit order, from its changes feed. */
export async function committedInteractions(rig: OutboxRig): Promise<string[]> {
  const ids: string[] = [];
  let since: string | undefined;
  for (;;) {
    const query = since === undefined ? '' : `&since=${encodeURIComponent(since)}`;
    const response = await fetch(`${rig.crm.url}/v1/changes?limit=1000${query}`, { headers: { Authorization: `Bearer ${rig.crm.token}` } });
    const page = (await response.json()) as { changes: { type: string; id: string }[]; cursor: string; more: boolean };
    ids.push(...page.changes.filter((c) => c.type === 'interaction').map((c) => c.id));
    since = page.cursor;
    if (!page.more) return ids;
  }
}

/** How many interactions on the CRM carry each of these summaries. */
export async function countsBySummary(rig: OutboxRig, summaries: readonly string[]): Promise<number[]> {
  const all = await rig.interactions();
  return summaries.map((s) => all.filter((i) => i.summary === s).length);
}

/** Every summary arrived exactly once: the outbox is empty and nothing was duplicated. */
export async function deliveredOnce(rig: OutboxRig, summaries: readonly string[]): Promise<boolean> {
  const [outbox, counts] = await Promise.all([rig.outbox(), countsBySummary(rig, summaries)]);
  return outbox.items.length === 0 && counts.every((n) => n >= 1);
}
