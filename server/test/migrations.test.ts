import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDb } from '../db';
import { availableBackends, type TestDatabase } from './support/backends';

describe('migration files', () => {
  it('are numbered without gaps from 1', async () => {
    const versions = (await loadMigrations()).map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });
});

describe.each(availableBackends())('migrations on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
  });
  afterAll(() => t.dispose());

  it('are recorded and not applied twice', async () => {
    const { rows } = await t.db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual((await loadMigrations()).map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
  });

  it.runIf(backend.name === 'postgres')('several instances starting at once apply each migration once', async () => {
    const url = t.url;
    if (!url) throw new Error('no url');
    // A fresh schema name in the same database, so the instances race on an empty one.
    await t.db.exec('create schema race; ');
    const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c search_path=race')}`;
    const instances = await Promise.all(Array.from({ length: 4 }, () => openDb({ url: withSchema, poolSize: 2 })));
    try {
      const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from race.schema_migrations');
      expect(rows[0]?.n).toBe((await loadMigrations()).length);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  });
});
