import type { Change, ChangesPage } from '../../lib/api';
import type { Queryable } from '../db';
import { ValidationError } from './errors';

export type ChangeType = Change['type'];

export interface ChangeEntry {
  type: ChangeType;
  id: string;
  accountId: string;
  /** A tombstone: the record was deleted. */
  deleted?: boolean;
}

/** Appends feed rows for records a write touched; call it inside that write's transaction. */
export async function recordChanges(tx: Queryable, teamId: string, entries: readonly ChangeEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `insert into changes (team_id, type, record_id, account_id, deleted)
     select $1, t, r, a, d from unnest($2::text[], $3::uuid[], $4::uuid[], $5::boolean[]) as x(t, r, a, d)`,
    [teamId, entries.map((e) => e.type), entries.map((e) => e.id), entries.map((e) => e.accountId),
      entries.map((e) => e.deleted === true)],
  );
}

/** Both parts as decimal text: xid8 and bigint go beyond what a JS number holds exactly. */
interface Position {
  xid: string;
  seq: string;
}

/**
 * Cursors are `2.<xid>.<seq>`. Those of the first form, `<xid>.<seq>`, were handed out while the
 * feed was sorted by the text of the transaction id, which skipped records whenever an id gained a
 * digit: such a cursor is read as the feed's start, so a client that holds one reads the whole feed
 * once more and refreshes everything it may have missed, whatever version it runs.
 */
const CURSOR = /^2\.(\d{1,20})\.(\d{1,19})$/;
const FIRST_FORM = /^\d{1,20}\.\d{1,19}$/;
const XID8_MAX = 2n ** 64n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;
const START: Position = { xid: '0', seq: '0' };

function encode(p: Position): string {
  return Buffer.from(`2.${p.xid}.${p.seq}`, 'utf8').toString('base64url');
}

function decode(cursor: string): Position {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (FIRST_FORM.test(text)) return START;
  const m = CURSOR.exec(text);
  // Beyond xid8's and bigint's range PostgreSQL may clamp or refuse depending on the engine: no
  // cursor this server handed out is there.
  if (!m?.[1] || !m[2] || BigInt(m[1]) > XID8_MAX || BigInt(m[2]) > BIGINT_MAX) {
    throw new ValidationError('query.since', 'query.since: not a cursor this server handed out');
  }
  return { xid: m[1], seq: m[2] };
}

interface ChangeRow {
  seq_text: string;
  /** The xid8 as text, under its own name: an output column named `xid` would win over the
   * table's column in ORDER BY and sort the feed as text ("1000" before "999"). */
  xid_text: string;
  type: ChangeType;
  record_id: string;
  account_id: string;
  changed_at: Date;
  deleted: boolean;
}

/**
 * Changes after a cursor, in a commit-safe order.
 *
 * The pitfall: `seq` comes from a sequence when a row is inserted, but transactions commit in any
 * order. A feed of `seq > cursor` could hand out seq 11 (committed) while seq 10 is still in
 * flight; once 10 commits, every client whose cursor is past it has skipped it for good.
 *
 * So each row carries its transaction's id (xid8), and the feed only hands out rows whose
 * transaction is older than the oldest one still running (`pg_snapshot_xmin` of the current
 * snapshot). Every transaction below that horizon has finished, so that set of rows is final;
 * any transaction still to commit has an xid at or above the horizon and therefore sorts after
 * every cursor handed out so far. Paging in (xid, seq) order over the final set then never skips
 * nor repeats. The cost is a short delay: a change appears once older transactions are done.
 * PGlite runs one transaction at a time, where the same query is trivially correct.
 */
export async function changesSince(
  q: Queryable,
  teamId: string,
  since: string | undefined,
  limit: number,
): Promise<ChangesPage> {
  const from = since === undefined ? START : decode(since);
  const { rows } = await q.query<ChangeRow>(
    `select c.seq::text as seq_text, c.xid::text as xid_text, c.type, c.record_id, c.account_id, c.changed_at, c.deleted
       from changes c
      where c.team_id = $1
        and (c.xid, c.seq) > ($2::xid8, $3::bigint)
        and c.xid < pg_snapshot_xmin(pg_current_snapshot())
      order by c.xid, c.seq
      limit $4`,
    [teamId, from.xid, from.seq, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    changes: page.map((r) => ({
      type: r.type,
      id: r.record_id,
      accountId: r.account_id,
      changedAt: r.changed_at.toISOString(),
      ...(r.deleted ? { deleted: true as const } : {}),
    })),
    cursor: encode(last ? { xid: last.xid_text, seq: last.seq_text } : from),
    more: rows.length > limit,
  };
}

/**
 * The feed's head: no changes, and a cursor after every change a client could read now. That is
 * `(xmin, 0)` for the oldest transaction still running: every row before it belongs to a
 * transaction that has finished (all handed out already by `changesSince`), every row of a
 * transaction at or above it sorts after it (sequence values start at 1), whenever that commits.
 */
export async function changesHead(q: Queryable): Promise<ChangesPage> {
  const { rows } = await q.query<{ xmin: string }>(`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
  const xmin = rows[0]?.xmin;
  if (xmin === undefined) throw new Error('the database answered no snapshot');
  return { changes: [], cursor: encode({ xid: xmin, seq: '0' }), more: false };
}
