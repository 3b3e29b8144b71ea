import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { BundleError, type BundleInput, exportBundle, importBundle, importFile } from '../bundle';
import { availableBackends, type TestDatabase } from './support/backends';

async function newTeam(db: Db): Promise<string> {
  const id = randomUUID();
  await db.query('insert into teams (id, name) values ($1, $2)', [id, `import ${id}`]);
  return id;
}

async function countRows(db: Db, table: string, where: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table} ${where}`, params);
  return rows[0]?.n ?? -1;
}

function sample(): BundleInput {
  return {
    version: 1,
    users: [
      { email: 'rina@arus.example', name: 'Rina' },
      { email: 'old@arus.example', name: 'Left Us', active: false },
    ],
    riskSettings: { competitors: ['Kilat Fibre', 'МегаСвязь'] },
    accounts: [
      {
        ref: 'sinar', name: 'PT Bank "Sinar" & Co', domains: ['bank-sinar.co.id', 'sinar.id'], stage: 'loyal',
        owner: 'rina@arus.example', team: ['old@arus.example'], cadenceDays: 14,
        preferences: { channel: 'WhatsApp', language: 'Bahasa Indonesia' }, specialTerms: 'Net 60; price fixed until "Q3"',
      },
      { ref: 'sever', name: 'ООО «Север»', stage: 'buying', owner: 'old@arus.example' },
    ],
    contacts: [
      { account: 'sinar', name: 'Budi Santoso', emails: ['budi@bank-sinar.co.id', 'Budi.Santoso@gmail.com'], role: 'CFO', phone: '+62 21 555 0101' },
      { account: 'sever', name: 'Ольга Кузнецова', emails: ['olga@sever.ru'] },
    ],
    interactions: [
      { ref: 'm1', account: 'sinar', kind: 'meeting', direction: 'outbound', occurredAt: '2026-10-01T09:30:00.000Z', summary: 'QBR & renewal', author: 'rina@arus.example', contacts: ['budi@bank-sinar.co.id'], threadId: 'gm:18c2' },
      { account: 'sinar', kind: 'order', direction: 'inbound', occurredAt: '2026-10-05T00:00:00+07:00', summary: 'Order #12', amount: 1250.5 },
      { account: 'sever', kind: 'complaint', direction: 'inbound', occurredAt: '2026-11-01T08:00:00Z', summary: 'Связь пропала', contacts: ['olga@sever.ru'] },
    ],
    commitments: [
      { account: 'sinar', text: 'Send the SLA draft', contact: 'budi@bank-sinar.co.id', owner: 'rina@arus.example', dueDate: '2026-10-15', source: 'm1', createdAt: '2026-10-01T10:00:00.000Z' },
      { account: 'sever', text: 'Credit note', status: 'done', createdAt: '2026-11-01T09:00:00.000Z', completedAt: '2026-11-03T09:00:00.000Z' },
    ],
  };
}

describe.each(availableBackends())('import and export on $name', (backend) => {
  let testDb: TestDatabase;
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    testDb = await backend.create();
    db = testDb.db;
    dir = await mkdtemp(join(tmpdir(), 'crm-bundle-'));
  });
  afterAll(async () => {
    await testDb.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every record and reports the counts', async () => {
    const team = await newTeam(db);
    const summary = await importBundle(db, team, sample());
    expect(summary).toEqual({ users: 2, accounts: 2, contacts: 2, interactions: 3, commitments: 2 });
    const { rows } = await db.query<{ amount: number; contact_ids: string[] }>(
      "select amount, contact_ids from interactions where team_id = $1 order by occurred_at", [team]);
    expect(rows.map((r) => r.amount)).toEqual([null, 1250.5, null]);
    expect(rows[0]?.contact_ids).toHaveLength(1);
    expect(await countRows(db, 'api_tokens', 'where user_id in (select id from users where team_id = $1)', [team])).toBe(0);
    expect(await countRows(db, 'changes', 'where team_id = $1', [team])).toBe(9);
  });

  it('round-trips: export, import into an empty team, export again gives the same document', async () => {
    const first = await newTeam(db);
    await importBundle(db, first, sample());
    const exported = await exportBundle(db, first);
    const second = await newTeam(db);
    await importBundle(db, second, JSON.parse(JSON.stringify(exported)));
    expect(await exportBundle(db, second)).toEqual(exported);
    expect(exported.accounts.map((a) => a.ref)).toEqual(['bank-sinar.co.id', 'ооо-север']);
    expect(exported.interactions.find((i) => i.kind === 'order')?.occurredAt).toBe('2026-10-04T17:00:00.000Z');
    expect(exported.commitments.find((c) => c.text === 'Send the SLA draft')?.source).toBe('i1');
    expect(exported.riskSettings?.competitors).toEqual(['Kilat Fibre', 'МегаСвязь']);
  });

  it('writes nothing when any record is wrong, and names each one', async () => {
    const team = await newTeam(db);
    const bad = sample();
    bad.interactions?.push({ account: 'acme', kind: 'note', occurredAt: '2026-11-02T00:00:00Z', summary: 'x' });
    bad.contacts?.push({ account: 'sinar', name: 'X', emails: ['not-an-address'] });
    const error = await importBundle(db, team, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toContain('contacts[2].emails[0]: not an email address');
    const again = sample();
    again.interactions?.push({ account: 'acme', kind: 'note', occurredAt: '2026-11-02T00:00:00Z', summary: 'x' });
    await expect(importBundle(db, team, again)).rejects.toThrow('interactions[3].account: no account with ref "acme"');
    for (const table of ['users', 'accounts', 'contacts', 'interactions', 'commitments', 'changes']) {
      expect(await countRows(db, table, 'where team_id = $1', [team])).toBe(0);
    }
  });

  it('rolls back everything when the database fails halfway through the writes', async () => {
    const team = await newTeam(db);
    // The real database, except that the last table's insert fails, as a full disk would.
    const failing: Db = {
      ...db,
      transaction: (fn) => db.transaction((tx) => fn({
        exec: (sql) => tx.exec(sql),
        query: (sql, params) => (sql.startsWith('insert into commitments') ? Promise.reject(new Error('disk full')) : tx.query(sql, params)),
      })),
    };
    await expect(importBundle(failing, team, sample())).rejects.toThrow('disk full');
    for (const table of ['users', 'accounts', 'contacts', 'interactions', 'commitments', 'changes']) {
      expect(await countRows(db, table, 'where team_id = $1', [team])).toBe(0);
    }
  });

  it('refuses text the database cannot store, naming the field', async () => {
    const team = await newTeam(db);
    const bad = sample();
    const first = bad.interactions?.[0];
    if (first) first.summary = 'before\u0000after';
    await expect(importBundle(db, team, bad)).rejects.toThrow('interactions[0].summary: contains a NUL character');
  });

  it('refuses records that collide with what the team already has', async () => {
    const team = await newTeam(db);
    await importBundle(db, team, sample());
    const error = await importBundle(db, team, sample()).catch((e: unknown) => e);
    expect((error as BundleError).issues).toContainEqual({ path: 'accounts[0].domains[0]', message: '"bank-sinar.co.id" already belongs to an account of this team' });
    expect((error as BundleError).issues).toContainEqual({ path: 'contacts[1].emails[0]', message: '"olga@sever.ru" already belongs to a contact of this team' });
    expect(await countRows(db, 'accounts', 'where team_id = $1', [team])).toBe(2);
  });

  it('uses existing team users without listing them, and refuses unknown ones', async () => {
    const team = await newTeam(db);
    await importBundle(db, team, { version: 1, users: [{ email: 'lead@arus.example', name: 'Lead' }] });
    await importBundle(db, team, { version: 1, accounts: [{ ref: 'a', name: 'A', owner: 'LEAD@arus.example' }] });
    await expect(importBundle(db, team, { version: 1, accounts: [{ ref: 'b', name: 'B', owner: 'nobody@arus.example' }] }))
      .rejects.toThrow('accounts[0].owner: no user "nobody@arus.example" in this team');
    expect(await countRows(db, 'users', 'where team_id = $1', [team])).toBe(1);
  });

  it('imports a contacts CSV, joining accounts by name and creating the others', async () => {
    const team = await newTeam(db);
    await importBundle(db, team, { version: 1, accounts: [{ ref: 'x', name: 'Marin & Fiii SRL' }] });
    const path = join(dir, 'contacts.csv');
    await writeFile(path, 'name,email,role,phone,account\r\n'
      + '"Popescu, Ana","ana@marin-fiii.ro;ana.popescu@gmail.com","Director ""general""",,marin & fiii srl\r\n'
      + 'Иван Петров,ivan@sever.ru,"Закупки\nи логистика",+7 495 000 00 00,ООО «Север»\r\n');
    expect(await importFile(db, team, path)).toEqual({ users: 0, accounts: 1, contacts: 2, interactions: 0, commitments: 0 });
    const { rows } = await db.query<{ name: string; role: string; account: string }>(
      `select c.name, c.role, a.name as account from contacts c join accounts a on a.id = c.account_id
        where c.team_id = $1 order by c.name`, [team]);
    expect(rows).toEqual([
      { name: 'Popescu, Ana', role: 'Director "general"', account: 'Marin & Fiii SRL' },
      { name: 'Иван Петров', role: 'Закупки\nи логистика', account: 'ООО «Север»' },
    ]);
  });

  it.each([
    ['bad.csv', 'name,email,account\nA,a@x.ro,X\nB,not-mail,X\n', 'line 3, emails[0]: not an email address'],
    ['bad2.csv', 'name,email,account\nA,"a@x.ro,X\n', 'line 2: a quoted field is never closed'],
    ['bad.json', '{"version":1,', 'not valid JSON'],
    ['noext', '{"version":1,"accounts":[{"ref":"a"}]}', 'accounts[0].name: required (text)'],
  ])('reports file problems: %s', async (name, text, message) => {
    const team = await newTeam(db);
    const path = join(dir, name);
    await writeFile(path, text);
    await expect(importFile(db, team, path)).rejects.toThrow(message);
    expect(await countRows(db, 'contacts', 'where team_id = $1', [team])).toBe(0);
  });

  it('refuses a file that is not UTF-8 instead of garbling its names', async () => {
    const team = await newTeam(db);
    const path = join(dir, 'cp1251.csv');
    // "Иван" in Windows-1251, as older spreadsheet programs save Cyrillic.
    await writeFile(path, Buffer.concat([Buffer.from('name,email,account\n'), Buffer.from([0xc8, 0xe2, 0xe0, 0xed]), Buffer.from(',ivan@sever.ru,Sever\n')]));
    await expect(importFile(db, team, path)).rejects.toThrow('the file is not UTF-8 text');
  });

  it('refuses an unknown team', async () => {
    await expect(importBundle(db, randomUUID(), { version: 1 })).rejects.toThrow('there is no team with id');
  });
});
