import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit';
import { parseArgs, USAGE, UsageError } from '../runtime/cli-args';

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
    expect(c).toEqual({
      port: 0, dataDir: '/tmp/x', databaseUrl: 'postgres://h/db', poolSize: 40,
      http: { corsOrigins: [], allowedHosts: [], rateLimits: DEFAULT_RATE_LIMITS },
    });
  });
});

describe('crm arguments', () => {
  it.each([
    [['user', 'add', '--team', 'Sales', '--email', 'Ann@X.example'], { name: 'user-add', team: 'Sales', email: 'ann@x.example', userName: 'ann' }],
    [['user', 'add', '--team=Sales', '--email=a@x.example', '--name', 'Ann Lee'], { name: 'user-add', team: 'Sales', email: 'a@x.example', userName: 'Ann Lee' }],
    [['import', 'file.json', '--team', 'Sales'], { name: 'import', file: 'file.json', team: 'Sales' }],
    [['export'], { name: 'export', team: undefined, out: undefined }],
    [['export', '--out', 'b.json', '--team', 'x'], { name: 'export', team: 'x', out: 'b.json' }],
    [['user', 'list'], { name: 'user-list', team: undefined }],
    [['user', 'list', '--team', ' Sales '], { name: 'user-list', team: 'Sales' }],
    [['user', 'deactivate', '--email', 'Ann@X.example'], { name: 'user-deactivate', email: 'ann@x.example', team: undefined }],
    [['user', 'activate', '--email=a@x.example', '--team=Sales'], { name: 'user-activate', email: 'a@x.example', team: 'Sales' }],
    [['token', 'issue', '--email', 'A@x.example'], { name: 'token-issue', email: 'a@x.example', team: undefined, label: undefined }],
    [['token', 'issue', '--email', 'a@x.example', '--team', 'Sales', '--label', ' work laptop '], { name: 'token-issue', email: 'a@x.example', team: 'Sales', label: 'work laptop' }],
    [['token', 'list'], { name: 'token-list', email: undefined, team: undefined }],
    [['token', 'list', '--email', 'A@x.example', '--team', 'Sales'], { name: 'token-list', email: 'a@x.example', team: 'Sales' }],
    [['token', 'revoke', '1A2B3C4D'], { name: 'token-revoke', id: '1a2b3c4d' }],
    [['token', 'revoke', '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d'], { name: 'token-revoke', id: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d' }],
    [['token', 'revoke', '--email', 'a@x.example', '--all'], { name: 'token-revoke-all', email: 'a@x.example', team: undefined }],
    [['token', 'revoke', '--all', '--team', 'Sales', '--email', 'a@x.example'], { name: 'token-revoke-all', email: 'a@x.example', team: 'Sales' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [[]], [['user']], [['user', 'add', '--team', 'S']], [['user', 'add', '--team', 'S', '--email', 'nope']],
    [['user', 'add', '--team']], [['import']], [['import', 'a', 'b']], [['export', '--colour', 'red']], [['serve']],
  ])('%j is a usage error', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it.each([
    [['user', 'remove'], /user add.*user list.*user deactivate.*user activate/],
    [['user', 'list', 'Sales'], /unexpected argument Sales/],
    [['user', 'list', '--team', '  '], /--team needs a value/],
    [['user', 'list', '--email', 'a@x.example'], /unknown option --email/],
    [['user', 'deactivate'], /user deactivate needs --email/],
    [['user', 'deactivate', '--email', 'nope'], /user deactivate needs --email with an address/],
    [['user', 'activate', '--team', 'Sales'], /user activate needs --email/],
    [['user', 'activate', '--email', 'a@x.example', '--all'], /unknown option --all/],
    [['token'], /token issue.*token list.*token revoke/],
    [['token', 'show'], /token issue.*token list.*token revoke/],
    [['token', 'issue'], /token issue needs --email/],
    [['token', 'issue', '--email', 'a@x.example', '--label'], /--label needs a value/],
    [['token', 'issue', '--email', 'a@x.example', '--label', ' '], /--label needs a value/],
    [['token', 'issue', '--email', 'a@x.example', '--label', 'a\tb'], /--label may not contain tabs/],
    [['token', 'issue', '--email', 'a@x.example', '--label', 'x'.repeat(101)], /limited to 100 characters/],
    [['token', 'issue', '--email', 'a@x.example', 'extra'], /unexpected argument extra/],
    [['token', 'list', '--email', 'nope'], /token list needs --email with an address/],
    [['token', 'list', '--all'], /unknown option --all/],
    [['token', 'revoke'], /needs the ID of a token.*or --email with --all/],
    [['token', 'revoke', 'abc'], /"abc" is not a token id/],
    [['token', 'revoke', 'zzzzzzzz'], /"zzzzzzzz" is not a token id/],
    [['token', 'revoke', '1a2b%'], /is not a token id/],
    [['token', 'revoke', 'crm_abcdef'], /that is a token itself, not its id/],
    [['token', 'revoke', '1a2b3c4d', 'e5f6a7b8'], /unexpected argument e5f6a7b8/],
    [['token', 'revoke', '1a2b3c4d', '--all'], /either an ID or --email with --all, not both/],
    [['token', 'revoke', '1a2b3c4d', '--email', 'a@x.example'], /either an ID or --email with --all, not both/],
    [['token', 'revoke', '--email', 'a@x.example'], /add --all/],
    [['token', 'revoke', '--all'], /needs the ID of a token/],
    [['token', 'revoke', '--email', 'a@x.example', '--all=yes'], /--all takes no value/],
  ])('%j is a usage error saying %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('lists every command in the usage text', () => {
    for (const line of ['user add', 'user list', 'user deactivate', 'user activate', 'token issue', 'token list', 'token revoke ID', 'token revoke --email', 'import FILE', 'export']) {
      expect(USAGE).toContain(`crm ${line}`);
    }
  });
});
