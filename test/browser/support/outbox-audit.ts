import { openDb } from '../../../server/db';
import { pgliteDir } from '../../../server/runtime/config';
import type { OutboxRig } from './outbox-rig';

/** One write the benchmark queued, with what the extension answered. */
export interface Written {
  kind: 'note' | 'commitment' | 'completion' | 'account-edit';
  key: string;
  /** The record it creates, or for a completion the commitment it completes (the account it changes for an account edit). */
  id: string;
  /** An account edit: the version the account has once the edit is applied, once. */
  version?: number;
  accountId: string;
  /** Unique per write: the note's summary, the commitment's text or the account's special terms. */
  tag: string;
}

export interface Audit {
  written: number;
  delivered: number;
  /** Written, not on the CRM and not in the outbox any more. */
  lost: number;
  /** Extra copies on the CRM (a summary or text twice, or a completion applied twice). */
  duplicated: number;
  /** Still in the outbox: refused by the CRM, or not sent in time. */
  stillQueued: number;
  failed: number;
  keys: { checked: number; missing: number; mismatched: number };
}

type Row = { id: string; summary?: string; text?: string; status?: string; version?: number; specialTerms?: string | null };

async function readAll(rig: OutboxRig, accountIds: readonly string[]): Promise<{ notes: Row[]; commitments: Row[]; accounts: Row[] }> {
  // The audit's own reads count against the token's rate limit too: a 429 waits as it says.
  const get = async <T>(path: string): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${rig.crm.url}${path}`, { headers: { Authorization: `Bearer ${rig.crm.token}` } });
      if (response.ok) return (await response.json()) as T;
      if (response.status !== 429 || attempt >= 20) throw new Error(`audit read ${path}: ${response.status} ${await response.text()}`);
      await new Promise((done) => setTimeout(done, 1000 * Math.max(1, Number(response.headers.get('retry-after')) || 1)));
    }
  };
  const notes: Row[] = [];
  const commitments: Row[] = [];
  const accounts: Row[] = [];
  for (const accountId of accountIds) {
    accounts.push((await get<{ account: Row }>(`/v1/accounts/${accountId}`)).account);
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { items: Row[]; nextCursor: string | null } = await get(
        `/v1/accounts/${accountId}/timeline?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      notes.push(...page.items);
      cursor = page.nextCursor;
    }
    commitments.push(...(await get<{ items: Row[] }>(`/v1/accounts/${accountId}/commitments?status=all`)).items);
  }
  return { notes, commitments, accounts };
}

/**
 * Compares what was written with what the CRM holds, by client-made id and unique text, and then
 * (with the CRM stopped, since its embedded database belongs to one process) each idempotency
 * key with the record its stored answer names. Leaves the CRM stopped.
 */
export async function audit(rig: OutboxRig, written: readonly Written[], accountIds: readonly string[]): Promise<Audit> {
  const outbox = await rig.outbox();
  const queued = new Set(outbox.items.map((i) => i.key));
  const { notes, commitments, accounts } = await readAll(rig, accountIds);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const byId = new Map<string, Row>([...notes, ...commitments].map((r) => [r.id, r]));
  const tagCount = new Map<string, number>();
  for (const r of [...notes, ...commitments]) {
    const tag = r.summary ?? r.text ?? '';
    tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1);
  }
  let delivered = 0;
  let duplicated = 0;
  let lost = 0;
  for (const w of written) {
    if (w.kind === 'account-edit') {
      // Applied once: the terms it set, and the version one past the one it was made against.
      const account = accountById.get(w.id);
      if (account?.specialTerms === w.tag) delivered++;
      else if (!queued.has(w.key)) lost++;
      duplicated += Math.max(0, (account?.version ?? 0) - (w.version ?? Infinity));
      continue;
    }
    const row = byId.get(w.id);
    const arrived = w.kind === 'completion' ? row?.status === 'done' : row !== undefined && (row.summary ?? row.text) === w.tag;
    if (arrived) delivered++;
    else if (!queued.has(w.key)) lost++;
    duplicated += w.kind === 'completion' ? Math.max(0, (row?.version ?? 2) - 2) : Math.max(0, (tagCount.get(w.tag) ?? 0) - 1);
  }

  await rig.crm.stop();
  const db = await openDb({ dataDir: pgliteDir(rig.crm.dataDir), migrate: false });
  const keys = { checked: 0, missing: 0, mismatched: 0 };
  try {
    const { rows } = await db.query<{ key: string; response: unknown }>('select key, response from idempotency_keys');
    const answers = new Map(rows.map((r) => [r.key, JSON.stringify(r.response)]));
    for (const w of written) {
      if (queued.has(w.key)) continue;
      keys.checked++;
      const answer = answers.get(w.key);
      if (answer === undefined) keys.missing++;
      else if (!answer.includes(w.id)) keys.mismatched++;
    }
  } finally {
    await db.close();
  }
  return { written: written.length, delivered, lost, duplicated, stillQueued: outbox.items.length, failed: outbox.failed, keys };
}
