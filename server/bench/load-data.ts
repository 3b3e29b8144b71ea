import type { Db } from '../db';
import { type BulkColumn, bulkInsert } from '../bundle/bulk-insert';
import { createToken } from '../store/users';
import type { Dataset } from './dataset';

const uuid = (name: string): BulkColumn => ({ name, type: 'uuid' });
const text = (name: string): BulkColumn => ({ name, type: 'text' });

const COLUMNS = {
  users: [uuid('id'), uuid('team_id'), text('name'), text('email'), { name: 'active', type: 'boolean' }],
  accounts: [
    uuid('id'), uuid('team_id'), text('name'), text('stage'), uuid('owner_id'), { name: 'cadence_days', type: 'integer' },
    { name: 'preferences', type: 'text', cast: 'jsonb' }, text('special_terms'),
  ],
  account_domains: [uuid('team_id'), text('domain'), uuid('account_id')],
  contacts: [uuid('id'), uuid('team_id'), uuid('account_id'), text('name'), text('role'), text('phone')],
  contact_emails: [uuid('team_id'), text('email'), uuid('contact_id'), { name: 'position', type: 'smallint' }],
  interactions: [
    uuid('id'), uuid('team_id'), uuid('account_id'), text('kind'), text('direction'), { name: 'occurred_at', type: 'timestamptz' },
    text('summary'), uuid('author_id'), { name: 'contact_ids', type: 'text', cast: 'uuid[]' }, { name: 'amount', type: 'numeric' },
    text('thread_id'),
  ],
  commitments: [
    uuid('id'), uuid('team_id'), uuid('account_id'), uuid('contact_id'), uuid('owner_id'), text('text'), { name: 'due_date', type: 'date' },
    text('status'), { name: 'created_at', type: 'timestamptz' }, { name: 'updated_at', type: 'timestamptz' },
    { name: 'completed_at', type: 'timestamptz' }, uuid('source_interaction_id'),
  ],
} satisfies Record<string, BulkColumn[]>;

/**
 * Drops a table's secondary indexes and returns their definitions to recreate them, read from
 * the catalog so that they stay exactly what the migrations made.
 */
async function withoutIndexes(db: Db, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  for (const r of rows) await db.exec(`drop index "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.definition);
}

export interface Loaded {
  token: string;
  seconds: number;
  rows: number;
}

/**
 * Loads the dataset with batched `insert … select from unnest(…)`, one transaction per table so
 * a failure leaves no half table behind, then refreshes the planner's statistics.
 */
export async function loadDataset(db: Db, data: Dataset, onProgress: (line: string) => void): Promise<Loaded> {
  const started = performance.now();
  let rows = 0;
  const put = async (table: keyof typeof COLUMNS, list: unknown[][]) => {
    await db.transaction((tx) => bulkInsert(tx, table, COLUMNS[table], list));
    rows += list.length;
  };
  await db.query('insert into teams (id, name) values ($1, $2)', [data.teamId, `Bench ${data.teamId.slice(0, 8)}`]);
  await put('users', data.users());
  const userId = data.userIds[0];
  if (userId === undefined) throw new Error('the dataset has no users');
  const token = await createToken(db, userId);
  await put('accounts', data.accounts());
  await put('account_domains', data.accountDomains());
  const { contacts, emails } = data.contacts();
  await put('contacts', contacts);
  await put('contact_emails', emails);
  // Building the big table's indexes once at the end is much cheaper than updating them per row.
  const indexes = await withoutIndexes(db, 'interactions');
  let done = 0;
  for (const chunk of data.interactions(20_000)) {
    await put('interactions', chunk);
    done += chunk.length;
    if (done % 200_000 === 0) onProgress(`  interactions: ${done.toLocaleString('en')} of ${data.size.interactions.toLocaleString('en')}`);
  }
  for (const definition of indexes) await db.exec(definition);
  await put('commitments', data.commitments());
  await db.exec('analyze');
  return { token, rows, seconds: (performance.now() - started) / 1000 };
}
