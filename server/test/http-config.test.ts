import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit';

const http = (env: NodeJS.ProcessEnv) => readConfig(env).http;

describe('readConfig: CORS, hosts and rate limits', () => {
  it('defaults: no CORS, loopback names only, rate limits on', () => {
    expect(http({})).toEqual({ corsOrigins: [], allowedHosts: [], rateLimits: DEFAULT_RATE_LIMITS });
    expect(DEFAULT_RATE_LIMITS.token).not.toBeNull();
    expect(DEFAULT_RATE_LIMITS.inFlight).not.toBeNull();
    expect(DEFAULT_RATE_LIMITS.address).not.toBeNull();
  });

  it('reads exact origins and host names, with or without a port', () => {
    const c = http({
      CRM_CORS_ORIGINS: ' https://crm.example.com, http://localhost:3000 ,',
      CRM_ALLOWED_HOSTS: 'CRM.example.com,api.example.com:8443, 10.0.0.5',
    });
    expect(c.corsOrigins).toEqual(['https://crm.example.com', 'http://localhost:3000']);
    expect(c.allowedHosts).toEqual([{ name: 'crm.example.com' }, { name: 'api.example.com', port: 8443 }, { name: '10.0.0.5' }]);
  });

  it.each([
    [{ CRM_CORS_ORIGINS: '*' }, /CRM_CORS_ORIGINS.*"\*"/],
    [{ CRM_CORS_ORIGINS: 'null' }, /CRM_CORS_ORIGINS.*"null"/],
    [{ CRM_CORS_ORIGINS: 'https://crm.example.com/' }, /CRM_CORS_ORIGINS.*write it as https:\/\/crm\.example\.com/],
    [{ CRM_CORS_ORIGINS: 'https://CRM.example.com' }, /CRM_CORS_ORIGINS.*write it as https:\/\/crm\.example\.com/],
    [{ CRM_CORS_ORIGINS: 'crm.example.com' }, /CRM_CORS_ORIGINS/],
    [{ CRM_CORS_ORIGINS: 'https://a.example, ftp://b.example' }, /CRM_CORS_ORIGINS.*ftp/],
    [{ CRM_CORS_ORIGINS: 'https://crm.example.com/app' }, /CRM_CORS_ORIGINS/],
    [{ CRM_ALLOWED_HOSTS: '*' }, /CRM_ALLOWED_HOSTS/],
    [{ CRM_ALLOWED_HOSTS: 'https://crm.example.com' }, /CRM_ALLOWED_HOSTS/],
    [{ CRM_ALLOWED_HOSTS: 'crm.example.com:99999' }, /CRM_ALLOWED_HOSTS/],
    [{ CRM_ALLOWED_HOSTS: 'crm.example.com/path' }, /CRM_ALLOWED_HOSTS/],
    [{ CRM_RATE_LIMIT: 'lots' }, /CRM_RATE_LIMIT/],
    [{ CRM_RATE_LIMIT: '-5' }, /CRM_RATE_LIMIT/],
    [{ CRM_RATE_LIMIT: '1.5' }, /CRM_RATE_LIMIT/],
    [{ CRM_RATE_BURST: '0' }, /CRM_RATE_BURST/],
    [{ CRM_AUTH_FAIL_LIMIT: 'none' }, /CRM_AUTH_FAIL_LIMIT/],
    [{ CRM_TRUSTED_PROXIES: 'proxy.example' }, /CRM_TRUSTED_PROXIES/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('0 or off turns a limit off; CRM_RATE_LIMIT=off lifts every per-token limit', () => {
    for (const off of ['0', 'off', 'OFF']) {
      const r = http({ CRM_RATE_LIMIT: off, CRM_AUTH_FAIL_LIMIT: off }).rateLimits;
      expect(r).toMatchObject({ token: null, inFlight: null, address: null });
    }
  });

  it('a rate, a burst, an address limit and trusted proxies as set', () => {
    const r = http({ CRM_RATE_LIMIT: '1200', CRM_RATE_BURST: '300', CRM_AUTH_FAIL_LIMIT: '10', CRM_TRUSTED_PROXIES: '127.0.0.1, ::ffff:10.0.0.2' }).rateLimits;
    expect(r).toEqual({
      token: { perMinute: 1200, burst: 300 },
      inFlight: DEFAULT_RATE_LIMITS.inFlight,
      address: { perMinute: 10, burst: 10 },
      trustedProxies: ['127.0.0.1', '10.0.0.2'],
    });
    // A rate below the default burst caps the burst at a minute's worth.
    expect(http({ CRM_RATE_LIMIT: '30' }).rateLimits.token).toEqual({ perMinute: 30, burst: 30 });
  });
});

describe('npm run server passes the configured limits', () => {
  const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

  function run(env: Record<string, string>) {
    const child = spawn(TSX, ['server/main.ts'], { env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env }, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, out: () => out, err: () => err };
  }

  it('a bad variable stops it with a sentence naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-config-'));
    try {
      const server = run({ CRM_DATA_DIR: dir, CRM_CORS_ORIGINS: '*' });
      expect(await server.exited).not.toBe(0);
      expect(server.err()).toMatch(/CRM_CORS_ORIGINS/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('limits from the environment are in force, and CORS and Host as configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-config-'));
    const server = run({ CRM_DATA_DIR: dir, CRM_RATE_LIMIT: '60', CRM_RATE_BURST: '2', CRM_CORS_ORIGINS: 'https://crm.example.com' });
    try {
      const deadline = Date.now() + 45_000;
      let base: string | undefined;
      let token: string | undefined;
      while ((!base || !token) && Date.now() < deadline && server.child.exitCode === null) {
        base = /CRM API listening on (http:\/\/\S+)\n/.exec(server.out())?.[1];
        token = /Demo token: (\S+)\n/.exec(server.out())?.[1];
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(base, server.err()).toBeDefined();
      const me = () => fetch(`${base}/v1/me`, { headers: { Authorization: `Bearer ${token}`, Origin: 'https://crm.example.com' } });
      const statuses = [(await me()).status, (await me()).status];
      const third = await me();
      expect([...statuses, third.status]).toEqual([200, 200, 429]);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(third.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
      const root = await fetch(`${base}/`);
      expect(root.status).toBe(200);
      expect(root.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
