import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../runtime/cli-args';
import { readConfig } from '../runtime/config';

describe('readConfig', () => {
  it('defaults to port 8787 and ./.crm-data', () => {
    const c = readConfig({});
    expect(c.port).toBe(8787);
    expect(c.dataDir.endsWith('.crm-data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('reads PORT, CRM_DATA_DIR, DATABASE_URL and the pool size', () => {
    const c = readConfig({ PORT: '0', CRM_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: '40' });
    expect(c).toEqual({ port: 0, dataDir: '/tmp/x', databaseUrl: 'postgres://h/db', poolSize: 40 });
  });
});

describe('crm arguments', () => {
  it.each([
    [['user', 'add', '--team', 'Sales', '--email', 'Ann@X.example'], { name: 'user-add', team: 'Sales', email: 'ann@x.example', userName: 'ann' }],
    [['user', 'add', '--team=Sales', '--email=a@x.example', '--name', 'Ann Lee'], { name: 'user-add', team: 'Sales', email: 'a@x.example', userName: 'Ann Lee' }],
    [['import', 'file.json', '--team', 'Sales'], { name: 'import', file: 'file.json', team: 'Sales' }],
    [['export'], { name: 'export', team: undefined, out: undefined }],
    [['export', '--out', 'b.json', '--team', 'x'], { name: 'export', team: 'x', out: 'b.json' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [[]], [['user']], [['user', 'add', '--team', 'S']], [['user', 'add', '--team', 'S', '--email', 'nope']],
    [['user', 'add', '--team']], [['import']], [['import', 'a', 'b']], [['export', '--colour', 'red']], [['serve']],
  ])('%j is a usage error', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
