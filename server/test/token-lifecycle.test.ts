import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDb, type Db } from '../db';
import { parseArgs, type Command } from '../runtime/cli-args';
import type { Output } from '../runtime/command-output';
import { pgliteDir } from '../runtime/config';
import { runTokenCommand, type TokenCommand } from '../runtime/token-commands';
import { runUserCommand } from '../runtime/user-commands';
import { DEMO_MAIN_USER, DEMO_USERS, seedDemoIfEmpty } from '../seed/index';
import { shortIds } from '../store/token-admin';
import { hashToken } from '../store/tokens';
import { createToken, createUser, ensureTeam } from '../store/users';
import { availableBackends, type TestDatabase } from './support/backends';
import { client } from './support/client';
import { countRows, makeTeam, type TeamFixture } from './support/fixtures';

interface Printed {
  stdout: string;
  stderr: string;
}

interface ListedToken {
  id: string;
  state: string;
  revoked: string;
}

const isTokenCommand = (cmd: Command): cmd is TokenCommand => cmd.name.startsWith('token-');

/** A `crm` command line run in-process against `db`, as `server/cli.ts` dispatches it. */
async function crm(db: Db, argv: string[]): Promise<Printed> {
  const printed: Printed = { stdout: '', stderr: '' };
  const out: Output = {
    say: (line) => void (printed.stderr += `${line}\n`),
    result: async (text) => void (printed.stdout += text),
  };
  const cmd = parseArgs(argv);
  if (isTokenCommand(cmd)) await runTokenCommand(db, cmd, out);
  else if (cmd.name === 'user-add' || cmd.name === 'user-list' || cmd.name === 'user-activate' || cmd.name === 'user-deactivate') {
    await runUserCommand(db, cmd, out);
  } else throw new Error(`not a user or token command: ${cmd.name}`);
  return printed;
}

/** The issued token: alone on stdout, one line. */
function tokenOf(printed: Printed): string {
  expect(printed.stdout).toMatch(/^crm_[\w-]{43}\n$/);
  expect(printed.stderr).toMatch(/shown only this once/);
  return printed.stdout.trim();
}

/** Rows of a tab-separated list, by header name. */
function rowsOf(stdout: string): Record<string, string>[] {
  const [header, ...lines] = stdout.trimEnd().split('\n');
  const names = (header ?? '').split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i] ?? `${i}`, v])));
}

describe.each(availableBackends())('token lifecycle on $name', (backend) => {
  let t: TestDatabase;
  let a: TeamFixture;
  let app: ReturnType<typeof createApp>;
  /** Every token these tests have seen: no command may print one, nor its hash. */
  const secrets: string[] = [];
  const printedAll: Printed[] = [];

  const run = async (argv: string[]) => {
    const printed = await crm(t.db, argv);
    printedAll.push(printed);
    return printed;
  };

  /**
   * The statuses one token gets on a route authenticated by the middleware (`/v1/me`) and on the
   * two that resolve the token inside their own statement (lookup and timeline).
   */
  async function statuses(token: string): Promise<number[]> {
    const api = client(app, token);
    return [
      (await api.get('/v1/me')).status,
      (await api.post('/v1/lookup', { emails: [a.email] })).status,
      (await api.get(`/v1/accounts/${a.accountId}/timeline`)).status,
    ];
  }
  const WORKS = [200, 200, 200];
  const REFUSED = [401, 401, 401];

  async function newUser(email: string, team = a.teamId): Promise<{ id: string; token: string }> {
    const id = await createUser(t.db, { teamId: team, email, name: email.split('@')[0] ?? email });
    const token = await createToken(t.db, id);
    secrets.push(token);
    return { id, token };
  }

  async function tokenRow(label: string): Promise<ListedToken> {
    const row = rowsOf((await run(['token', 'list'])).stdout).find((r) => r.label === label);
    if (!row?.id || !row.state || !row.revoked) throw new Error(`no token labelled ${label}`);
    return { id: row.id, state: row.state, revoked: row.revoked };
  }

  beforeAll(async () => {
    t = await backend.create();
    a = await makeTeam(t.db, 'alpha', 'alpha-client.co.id');
    secrets.push(a.token);
    app = createApp({ db: t.db });
  });
  afterAll(() => t.dispose());

  it('issues a new token for an existing user; the new one works and the old one too', async () => {
    const printed = await run(['token', 'issue', '--email', 'Owner@Alpha.example', '--label', 'laptop']);
    const token = tokenOf(printed);
    secrets.push(token);
    expect(printed.stderr).toMatch(/^issued token [0-9a-f]{8} for owner@alpha\.example \(team alpha\) labelled "laptop"; the token below is shown only this once\n$/);
    expect(await statuses(token)).toEqual(WORKS);
    expect(await statuses(a.token)).toEqual(WORKS);
    const me = await client(app, token).get<{ user: { email: string } }>('/v1/me');
    expect(me.body.user.email).toBe('owner@alpha.example');
  });

  it('refuses unknown users, unknown teams, and asks for --team when the address is in several teams', async () => {
    await expect(run(['token', 'issue', '--email', 'nobody@alpha.example'])).rejects.toThrow(/there is no user nobody@alpha\.example/);
    await expect(run(['token', 'issue', '--email', 'owner@alpha.example', '--team', 'gamma'])).rejects.toThrow(/there is no team named "gamma"/);
    const { id: beta } = await ensureTeam(t.db, 'beta');
    await newUser('twice@alpha.example');
    await newUser('twice@alpha.example', beta);
    await expect(run(['token', 'issue', '--email', 'twice@alpha.example'])).rejects.toThrow(/several teams \(alpha, beta\); name one with --team/);
    await expect(run(['token', 'issue', '--email', 'owner@alpha.example', '--team', 'beta'])).rejects.toThrow(/team "beta" has no user owner@alpha\.example/);
    const token = tokenOf(await run(['token', 'issue', '--email', 'twice@alpha.example', '--team', 'beta']));
    secrets.push(token);
    const me = await client(app, token).get<{ team: { name: string } }>('/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.team.name).toBe('beta');
    // Listing by address shows the tokens of every team that has it.
    const listed = rowsOf((await run(['token', 'list', '--email', 'twice@alpha.example'])).stdout);
    expect(listed.map((r) => r.team)).toEqual(['alpha', 'beta', 'beta']);
    await expect(run(['token', 'list', '--email', 'nobody@alpha.example'])).rejects.toThrow(/there is no user/);
    await expect(run(['token', 'revoke', '--email', 'twice@alpha.example', '--all'])).rejects.toThrow(/several teams/);
  });

  it('lists tokens by short id, address, team, label, dates and state', async () => {
    const printed = await run(['token', 'list', '--team', 'alpha']);
    expect(printed.stderr).toBe('');
    const lines = printed.stdout.split('\n');
    expect(lines[0]).toBe('id\temail\tteam\tlabel\tcreated\trevoked\tstate');
    const rows = rowsOf(printed.stdout);
    expect(rows.every((r) => r.team === 'alpha' && Object.keys(r).length === 7)).toBe(true);
    const laptop = rows.find((r) => r.label === 'laptop');
    expect(laptop).toMatchObject({ email: 'owner@alpha.example', revoked: '-', state: 'live' });
    expect(laptop?.id).toMatch(/^[0-9a-f]{8}$/);
    expect(laptop?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const { rows: ids } = await t.db.query<{ id: string }>("select id::text as id from api_tokens where label = 'laptop'");
    expect(ids[0]?.id.startsWith(laptop?.id ?? '?')).toBe(true);
    // Ordered by team, address, then creation: the fixture's token before the laptop's.
    expect(rows.filter((r) => r.email === 'owner@alpha.example').map((r) => r.label)).toEqual(['-', 'laptop']);
    // The same command prints the same list.
    expect((await run(['token', 'list', '--team', 'alpha'])).stdout).toBe(printed.stdout);
  });

  it('revoking by id refuses the very next request on every kind of route; other tokens keep working', async () => {
    const token = tokenOf(await run(['token', 'issue', '--email', 'owner@alpha.example', '--label', 'phone']));
    secrets.push(token);
    expect(await statuses(token)).toEqual(WORKS);
    const { id } = await tokenRow('phone');
    const printed = await run(['token', 'revoke', id.toUpperCase()]);
    expect(printed.stdout).toBe('');
    expect(printed.stderr).toMatch(new RegExp(`^revoked token ${id} of owner@alpha\\.example \\(team alpha\\) labelled "phone"`));
    expect(await statuses(token)).toEqual(REFUSED);
    expect(await statuses(a.token)).toEqual(WORKS);
    const row = await tokenRow('phone');
    expect(row.state).toBe('revoked');
    expect(row.revoked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Again: nothing to do, and said so without failing.
    expect((await run(['token', 'revoke', id])).stderr).toMatch(/was already revoked on .*; nothing changed/);
    // A prefix shorter than the shown id works when it is unique.
    const other = tokenOf(await run(['token', 'issue', '--email', 'owner@alpha.example', '--label', 'tablet']));
    secrets.push(other);
    const tablet = await tokenRow('tablet');
    const { rows } = await t.db.query<{ id: string }>('select id::text as id from api_tokens');
    const unique = [4, 5, 6, 7, 8].map((n) => tablet.id.slice(0, n)).find((p) => rows.filter((r) => r.id.startsWith(p)).length === 1);
    await run(['token', 'revoke', unique ?? tablet.id]);
    expect(await statuses(other)).toEqual(REFUSED);
  });

  it('an ambiguous id prefix revokes nothing and lists the matches with ids long enough to tell them apart', async () => {
    const { rows } = await t.db.query<{ id: string }>("select id from users where email = 'owner@alpha.example'");
    const owner = rows[0]?.id ?? '';
    const twins = ['abcdef01-0000-4000-8000-000000000001', 'abcdef01-0000-4000-8000-000000000002'];
    for (const [i, id] of twins.entries()) {
      await t.db.query('insert into api_tokens (id, user_id, token_hash, label) values ($1, $2, $3, $4)', [id, owner, hashToken(`twin ${i}`), `twin ${i}`]);
    }
    const error = await run(['token', 'revoke', 'abcdef01']).then(() => null, (err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/2 tokens have ids starting with abcdef01; give more of the id/);
    for (const id of twins) expect(String(error)).toContain(id);
    const listed = rowsOf((await run(['token', 'list'])).stdout).filter((r) => r.label?.startsWith('twin'));
    expect(listed.map((r) => r.id)).toEqual(twins);
    const { rows: live } = await t.db.query<{ n: number }>("select count(*)::int as n from api_tokens where label like 'twin%' and revoked_at is null");
    expect(live[0]?.n).toBe(2);
    await run(['token', 'revoke', twins[0] ?? '']);
    expect((await tokenRow('twin 0')).state).toBe('revoked');
    expect((await tokenRow('twin 1')).state).toBe('live');
    await expect(run(['token', 'revoke', '0000abcd'])).rejects.toThrow(/no token has an id starting with 0000abcd/);
  });

  it('revokes every token of a user with --all', async () => {
    const user = await newUser('many@alpha.example');
    const second = tokenOf(await run(['token', 'issue', '--email', 'many@alpha.example']));
    secrets.push(second);
    expect(await statuses(second)).toEqual(WORKS);
    const printed = await run(['token', 'revoke', '--email', 'many@alpha.example', '--all']);
    expect(printed.stderr).toMatch(/^revoked 2 tokens of many@alpha\.example \(team alpha\)/);
    expect(await statuses(user.token)).toEqual(REFUSED);
    expect(await statuses(second)).toEqual(REFUSED);
    expect(await statuses(a.token)).toEqual(WORKS);
    expect((await run(['token', 'revoke', '--email', 'many@alpha.example', '--all'])).stderr).toMatch(/had no token left to revoke/);
  });

  it('deactivating a user refuses all their tokens at once and keeps their data; activating brings back the unrevoked ones', async () => {
    const user = await newUser('leaver@alpha.example');
    const second = tokenOf(await run(['token', 'issue', '--email', 'leaver@alpha.example', '--label', 'second']));
    const revoked = tokenOf(await run(['token', 'issue', '--email', 'leaver@alpha.example', '--label', 'gone']));
    secrets.push(second, revoked);
    await run(['token', 'revoke', (await tokenRow('gone')).id]);
    // Their data: an account they own and a note they wrote.
    const mine = client(app, user.token);
    await t.db.query('update accounts set owner_id = $2 where id = $1', [a.accountId, user.id]);
    const note = await mine.post<{ interaction: { id: string } }>('/v1/interactions', { accountId: a.accountId, kind: 'note', summary: 'written before leaving' });
    expect(note.status).toBe(201);
    const before = await countRows(t.db);

    const printed = await run(['user', 'deactivate', '--email', 'leaver@alpha.example']);
    expect(printed.stderr).toMatch(/^deactivated leaver@alpha\.example \(team alpha\): all 2 of their tokens stop working now; their notes, accounts and commitments stay/);
    expect(await statuses(user.token)).toEqual(REFUSED);
    expect(await statuses(second)).toEqual(REFUSED);
    expect(await statuses(a.token)).toEqual(WORKS);
    expect(await countRows(t.db)).toEqual(before);
    const { rows } = await t.db.query<{ owner_id: string; author_id: string }>(
      'select a.owner_id, i.author_id from accounts a join interactions i on i.account_id = a.id where i.id = $1',
      [note.body.interaction.id],
    );
    expect(rows[0]).toEqual({ owner_id: user.id, author_id: user.id });
    const timeline = await client(app, a.token).get<{ items: { id: string }[] }>(`/v1/accounts/${a.accountId}/timeline`);
    expect(timeline.body.items.map((i) => i.id)).toContain(note.body.interaction.id);
    expect((await run(['token', 'list', '--email', 'leaver@alpha.example'])).stdout).toMatch(/\tsecond\t[^\n]*\tuser-inactive\n/);
    const users = rowsOf((await run(['user', 'list', '--team', 'alpha'])).stdout);
    expect(users.find((u) => u.email === 'leaver@alpha.example')).toEqual({ email: 'leaver@alpha.example', name: 'leaver', team: 'alpha', active: 'no', live_tokens: '2' });

    // No new token for a deactivated user: the message says how to reactivate.
    await expect(run(['token', 'issue', '--email', 'leaver@alpha.example'])).rejects.toThrow(
      /leaver@alpha\.example \(team alpha\) is deactivated.*reactivate the user first: crm user activate --email leaver@alpha\.example --team alpha/,
    );
    expect((await run(['user', 'deactivate', '--email', 'leaver@alpha.example'])).stderr).toMatch(/was already deactivated; nothing changed/);

    // Deactivation is a pause: the tokens not revoked work again; a revoked one never does.
    expect((await run(['user', 'activate', '--email', 'leaver@alpha.example'])).stderr).toMatch(/^activated leaver@alpha\.example \(team alpha\): 2 unrevoked tokens work again/);
    expect(await statuses(user.token)).toEqual(WORKS);
    expect(await statuses(second)).toEqual(WORKS);
    expect(await statuses(revoked)).toEqual(REFUSED);
    await t.db.query('update accounts set owner_id = $2 where id = $1', [a.accountId, a.userId]);
  });

  it('lists users with their team, state and number of live tokens', async () => {
    const printed = await run(['user', 'list']);
    const rows = rowsOf(printed.stdout);
    expect(printed.stdout.split('\n')[0]).toBe('email\tname\tteam\tactive\tlive_tokens');
    expect(rows.map((r) => `${r.team} ${r.email}`)).toEqual(rows.map((r) => `${r.team} ${r.email}`).sort());
    expect(rows.find((r) => r.email === 'colleague@alpha.example')).toEqual({ email: 'colleague@alpha.example', name: 'alpha colleague', team: 'alpha', active: 'yes', live_tokens: '0' });
    expect(rows.filter((r) => r.email === 'twice@alpha.example').map((r) => r.team)).toEqual(['alpha', 'beta']);
    expect(rowsOf((await run(['user', 'list', '--team', 'beta'])).stdout).map((r) => r.email)).toEqual(['twice@alpha.example']);
    await expect(run(['user', 'list', '--team', 'gamma'])).rejects.toThrow(/there is no team named "gamma"/);
  });

  it('never prints a token or its hash, except the one it issues', async () => {
    await run(['token', 'list']);
    await run(['user', 'list']);
    expect(secrets.length).toBeGreaterThan(8);
    const everything = printedAll.map((p) => p.stdout + p.stderr).join('\n');
    const issuedOnce = new Set(printedAll.map((p) => p.stdout.trim()).filter((s) => s.startsWith('crm_')));
    for (const secret of secrets) {
      expect(everything).not.toContain(hashToken(secret));
      const lists = printedAll.filter((p) => p.stdout.trim() !== secret).map((p) => p.stdout + p.stderr).join('\n');
      expect(lists).not.toContain(secret);
    }
    expect(issuedOnce.size).toBeGreaterThan(5);
    // No part of a hash longer than a short id either.
    const { rows } = await t.db.query<{ token_hash: string }>('select token_hash from api_tokens');
    for (const { token_hash } of rows) expect(everything).not.toContain(token_hash.slice(0, 16));
  });
});

describe('short token ids', () => {
  it('are 8 characters, longer only where ids share those', () => {
    const ids = ['0123abcd-1', '0123abcd-2', '0123abce-1', 'ffff0000-0'];
    expect([...shortIds(ids).values()]).toEqual(['0123abcd-1', '0123abcd-2', '0123abce', 'ffff0000']);
    expect(shortIds([]).size).toBe(0);
  });
});

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function cli(dir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['server/cli.ts', ...args], { env: { ...process.env, CRM_DATA_DIR: dir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('crm token and user commands, end to end on an embedded data folder', () => {
  let dir: string;
  let lost: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-tokens-'));
    const db = await openDb({ dataDir: pgliteDir(dir) });
    try {
      // What the server does on its first start; the token it prints is then lost.
      lost = (await seedDemoIfEmpty(db))?.token ?? '';
    } finally {
      await db.close();
    }
    expect(lost).toMatch(/^crm_/);
  }, 120_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Asks the in-process app, on the folder's database, which user each token is. */
  async function whoAre(tokens: string[]): Promise<(string | number)[]> {
    const db = await openDb({ dataDir: pgliteDir(dir) });
    try {
      const app = createApp({ db });
      return await Promise.all(
        tokens.map(async (token) => {
          const me = await client(app, token).get<{ user: { email: string } }>('/v1/me');
          return me.status === 200 ? me.body.user.email : me.status;
        }),
      );
    } finally {
      await db.close();
    }
  }

  it('recovers a lost demo token, lists without secrets, refuses a deactivated user, revokes', async () => {
    expect(DEMO_MAIN_USER.email).toBe('dewi.lestari@arusdata.example');
    const issued = await cli(dir, ['token', 'issue', '--email', DEMO_MAIN_USER.email, '--label', 'recovered']);
    expect(issued.stderr).toMatch(/^issued token [0-9a-f]{8} for dewi\.lestari@arusdata\.example \(team Demo\) labelled "recovered"; the token below is shown only this once\n$/);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^crm_[\w-]{43}\n$/);
    const token = issued.stdout.trim();
    expect(await whoAre([token, lost])).toEqual([DEMO_MAIN_USER.email, DEMO_MAIN_USER.email]);

    const listed = await cli(dir, ['token', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('');
    const rows = rowsOf(listed.stdout);
    expect(rows.map((r) => [r.email, r.team, r.label, r.state])).toEqual([
      [DEMO_MAIN_USER.email, 'Demo', '-', 'live'],
      [DEMO_MAIN_USER.email, 'Demo', 'recovered', 'live'],
    ]);
    for (const secret of [token, lost]) {
      for (const text of [issued.stderr, listed.stdout, listed.stderr]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(hashToken(secret));
      }
    }

    const users = await cli(dir, ['user', 'list']);
    expect(users.code).toBe(0);
    expect(rowsOf(users.stdout).find((r) => r.email === DEMO_USERS.sergei.email)).toMatchObject({ active: 'no', live_tokens: '0' });
    const refused = await cli(dir, ['token', 'issue', '--email', DEMO_USERS.sergei.email]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/is deactivated.*crm user activate --email sergei\.volkov@arusdata\.example --team Demo/);

    const demoId = rows[0]?.id ?? '';
    const revoked = await cli(dir, ['token', 'revoke', demoId]);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toMatch(/^revoked token [0-9a-f]{8} of dewi\.lestari@arusdata\.example \(team Demo\)/);
    expect(await whoAre([token, lost])).toEqual([DEMO_MAIN_USER.email, 401]);
  }, 120_000);
});
