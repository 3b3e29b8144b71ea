import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle, importText } from '../bundle';
import type { Db } from '../db';
import { availableBackends, type TestDatabase } from './support/backends';

const DOC = fileURLToPath(new URL('../../docs/import-format.md', import.meta.url));

/** The fenced blocks of one language in the document, in order. */
async function blocks(lang: string): Promise<string[]> {
  const text = await readFile(DOC, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
}

describe.each(availableBackends())('the examples in docs/import-format.md on $name', (backend) => {
  let testDb: TestDatabase;
  let db: Db;
  const team = randomUUID();
  beforeAll(async () => {
    testDb = await backend.create();
    db = testDb.db;
    await db.query('insert into teams (id, name) values ($1, $2)', [team, 'Docs']);
  });
  afterAll(() => testDb.dispose());

  it('the JSON example imports as documented', async () => {
    const example = (await blocks('json')).find((b) => b.includes('"version": 1,\n  "users"') && b.includes('"accounts": [\n    {'));
    expect(example).toBeDefined();
    expect(await importBundle(db, team, JSON.parse(example ?? ''))).toEqual({ users: 2, accounts: 2, contacts: 2, interactions: 2, commitments: 1 });
  });

  it('the CSV example imports, joining the accounts of the same name', async () => {
    const [csv] = await blocks('csv');
    expect(await importText(db, team, csv ?? '', 'csv')).toEqual({ users: 0, accounts: 0, contacts: 2, interactions: 0, commitments: 0 });
    const exported = await exportBundle(db, team);
    expect(exported.contacts.find((c) => c.name === 'Rahmawati, Siti')).toEqual({
      account: 'banksinar.co.id', name: 'Rahmawati, Siti', emails: ['siti.rahmawati@banksinar.co.id', 'siti.r@gmail.com'],
      role: 'Procurement "Lead"', phone: '+62 21 5550 1102',
    });
    expect(exported.contacts.find((c) => c.name === 'Дмитрий Иванов')).toMatchObject({ account: 'severtrans.ru', role: 'Главный\nинженер' });
  });
});
