import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../../app';
import type { AppEnv } from '../../http/env';
import type { Backend, TestDatabase } from './backends';
import { client } from './client';
import { makeTeam, type TeamFixture } from './fixtures';

/** The first team of most test files, and the second one of those that test tenancy. */
export const ALPHA = ['alpha', 'alpha-client.co.id'] as const;
export const BETA = ['beta', 'beta-client.ro'] as const;

type TeamSpec = readonly [name: string, domain: string];

export interface TestAppOptions<Teams extends readonly TeamSpec[]> extends Omit<AppOptions, 'db'> {
  /** `makeTeam(name, domain)` for each, in order; ALPHA alone when absent. */
  teams?: Teams;
}

type Client = ReturnType<typeof client>;

/**
 * A value made in `beforeAll` but named before it, at the top of a `describe`: every property
 * read goes to the value once it exists (methods bound to it, so Hono's private fields work).
 */
function later<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/**
 * The set-up most files share: before the file's tests, a fresh database on `backend`, the teams
 * (`makeTeam`) and the app over that database; after them, the database thrown away. Call it at
 * the top of a `describe`; the fields are usable from the tests (and from later `beforeAll`s):
 * `t` the database, `teams` the fixtures, `app`, `api` a client with the first team's token, and
 * `client(team)` one with another's.
 */
export function useTestApp<const Teams extends readonly TeamSpec[] = readonly [typeof ALPHA]>(
  backend: Backend,
  options: TestAppOptions<Teams> = {},
) {
  const { teams: specs = [ALPHA], ...appOptions } = options;
  let state: { t: TestDatabase; teams: TeamFixture[]; app: Hono<AppEnv>; api: Client } | undefined;
  const ready = () => {
    if (!state) throw new Error('useTestApp: a field was read before its beforeAll ran');
    return state;
  };
  beforeAll(async () => {
    const t = await backend.create();
    const teams: TeamFixture[] = [];
    for (const [name, domain] of specs) teams.push(await makeTeam(t.db, name, domain));
    const app = createApp({ db: t.db, ...appOptions });
    state = { t, teams, app, api: client(app, teams[0]?.token) };
  });
  afterAll(() => state?.t.dispose());
  const team = (i: number) => later(() => ready().teams[i] ?? raise(`useTestApp: no team ${i}`));
  return {
    t: later(() => ready().t),
    /** One fixture per team asked for, in their order. */
    teams: specs.map((_, i) => team(i)) as unknown as { [K in keyof Teams]: TeamFixture },
    app: later(() => ready().app),
    api: later(() => ready().api),
    /** A client of the app with `of`'s token. */
    client: (of: TeamFixture): Client => {
      let made: Client | undefined;
      return later(() => (made ??= client(ready().app, of.token)));
    },
  };
}

function raise(message: string): never {
  throw new Error(message);
}
