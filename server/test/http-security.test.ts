import { serve } from '@hono/node-server';
import { createHash } from 'node:crypto';
import { connect, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../app';
import type { Db } from '../db';
import { availableBackends } from './support/backends';
import { client } from './support/client';
import { countRows } from './support/fixtures';
import { useTestApp } from './support/test-app';

const CRM_ORIGIN = 'https://crm.example.com';

/**
 * Sends raw bytes to a listening server and returns what came back once it closed the connection
 * (each request asks it to). The client keeps its side open: Node drops a request whose client
 * has half-closed before the answer is ready.
 */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
    socket.on('connect', () => socket.write(request));
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);

describe.each(availableBackends())('HTTP hardening on $name', (backend) => {
  const { t, teams: [f], app, api } = useTestApp(backend);

  const note = () => ({ accountId: f.accountId, kind: 'note', summary: 'met' });

  describe('CORS', () => {
    it('none by default: no CORS headers, whatever the Origin, and no preflight approved', async () => {
      for (const origin of ['https://evil.example', 'null', CRM_ORIGIN, 'chrome-extension://abcdefghijklmnop']) {
        const res = await api.get('/v1/me', { Origin: origin });
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        expect(res.headers.get('access-control-expose-headers')).toBeNull();
        const preflight = await app.request('/v1/interactions', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
        });
        expect(preflight.status).toBe(403);
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
        expect(await preflight.json()).toMatchObject({ error: { code: 'cors_not_allowed' } });
      }
    });

    it('an OPTIONS that is not a preflight is routed like any other method', async () => {
      const res = await api.call('OPTIONS', '/v1/me');
      expect(res.status).toBe(405);
    });

    describe('with CRM_CORS_ORIGINS set', () => {
      let listed: ReturnType<typeof createApp>;
      beforeAll(() => {
        listed = createApp({ db: t.db, corsOrigins: [CRM_ORIGIN, 'http://localhost:3000'] });
      });

      it('a listed origin gets its own name back, Vary: Origin, the exposed headers, on errors too', async () => {
        for (const [token, status] of [[f.token, 200], ['crm_wrong', 401]] as const) {
          const res = await client(listed, token).get('/v1/me', { Origin: CRM_ORIGIN });
          expect(res.status).toBe(status);
          expect(res.headers.get('access-control-allow-origin')).toBe(CRM_ORIGIN);
          expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
          expect(res.headers.get('access-control-expose-headers')).toMatch(/Idempotent-Replayed/);
          expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
          expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        }
      });

      it('its preflights are approved for the API\'s methods and headers', async () => {
        const res = await listed.request('/v1/commitments/x', {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key' },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
        expect(res.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
        expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
        expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
        expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
      });

      it.each(['https://evil.example', 'null', 'https://crm.example.com.evil.example', 'http://crm.example.com', `${CRM_ORIGIN}:443`])(
        'an origin not listed exactly (%s) gets no CORS headers and its preflight refused',
        async (origin) => {
          const res = await client(listed, f.token).get('/v1/me', { Origin: origin });
          expect(res.headers.get('access-control-allow-origin')).toBeNull();
          expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
          const preflight = await listed.request('/v1/me', {
            method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
          });
          expect(preflight.status).toBe(403);
          expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        },
      );
    });
  });

  describe('security headers on every answer', () => {
    const failingDb = (db: Db): Db => ({
      ...db,
      query: () => Promise.reject(new Error('the database is gone')),
      exec: db.exec.bind(db),
      close: db.close.bind(db),
      transaction: db.transaction.bind(db),
    });

    const expectHeaders = (res: { headers: Headers }, path: string) => {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      if (path.startsWith('/v1')) expect(res.headers.get('cache-control')).toBe('no-store');
    };

    it.each([
      ['GET', '/v1/health', undefined, 200],
      ['GET', '/v1/openapi.json', undefined, 200],
      ['GET', '/v1/me', undefined, 200],
      ['POST', '/v1/interactions', 'note', 201],
      ['GET', '/v1/accounts/not-an-id', undefined, 400],
      ['GET', '/v1/nothing-here', undefined, 404],
      ['DELETE', '/v1/me', undefined, 405],
      ['POST', '/v1/interactions', 'huge', 413],
      ['POST', '/v1/interactions', 'text', 415],
      ['GET', '/', undefined, 200],
      ['GET', '/favicon.ico', undefined, 404],
    ] as const)('%s %s (%s → %i)', async (method, path, body, status) => {
      const payload = body === 'note' ? note() : body === 'huge' ? { ...note(), summary: 'x'.repeat(MAX_BODY_BYTES) } : body === 'text' ? 'hello' : undefined;
      const headers: Record<string, string> = body === 'text' ? { 'Content-Type': 'text/plain' } : {};
      const res = await api.call(method, path, payload, headers);
      expect(res.status).toBe(status);
      expectHeaders(res, path);
    });

    it('on a 401, a 421 and a 500 too', async () => {
      expectHeaders(await client(app).get('/v1/me'), '/v1/me');
      const misdirected = await app.request('http://evil.example/v1/health');
      expect(misdirected.status).toBe(421);
      expectHeaders(misdirected, '/v1/health');
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const broken = await client(createApp({ db: failingDb(t.db) }), f.token).get('/v1/me');
      quiet.mockRestore();
      expect(broken.status).toBe(500);
      expectHeaders(broken, '/v1/me');
    });
  });

  describe('Host', () => {
    it.each(['localhost', 'localhost:8787', '127.0.0.1', '127.0.0.1:1', '127.1.2.3:65535', '[::1]', '[::1]:8787', 'LOCALHOST:80'])(
      '%s is a loopback name: answered',
      async (host) => {
        const res = await app.request(`http://${host}/v1/health`);
        expect(res.status).toBe(200);
      },
    );

    it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1:8787', 'crm.example.com', '[::2]', '0.0.0.0'])(
      '%s is not: 421 JSON naming the header, before the token is looked at',
      async (host) => {
        const res = await client(app, f.token).call('GET', `http://${host}/v1/me`);
        expect(res.status).toBe(421);
        expect(res.body).toMatchObject({ error: { code: 'misdirected_request', field: 'header.host' } });
      },
    );

    it('CRM_ALLOWED_HOSTS adds names, with or without a port', async () => {
      const named = createApp({ db: t.db, allowedHosts: [{ name: 'crm.example.com' }, { name: 'api.example.com', port: 8443 }] });
      const status = async (host: string) => (await named.request(`http://${host}/v1/health`)).status;
      expect(await status('crm.example.com')).toBe(200);
      expect(await status('crm.example.com:8787')).toBe(200);
      expect(await status('api.example.com:8443')).toBe(200);
      expect(await status('api.example.com:8444')).toBe(421);
      expect(await status('api.example.com')).toBe(421);
      expect(await status('localhost:8787')).toBe(200);
      expect(await status('evil.example')).toBe(421);
    });

    describe('over a socket', () => {
      let server: Server;
      let port: number;
      beforeAll(async () => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
        await new Promise<void>((resolve) => server.once('listening', () => resolve()));
        port = (server.address() as AddressInfo).port;
      });
      afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

      it('the Host header is what counts: a rebinding name is 421', async () => {
        const answer = await raw(port, `GET /v1/health HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`);
        expect(statusOf(answer)).toBe(421);
        expect(answer).toMatch(/"code":"misdirected_request"/);
        for (const host of ['127.0.0.256', `localhost:99999`, 'localhost:0', `127.0.0.1:${port}.evil.example`]) {
          const odd = await raw(port, `GET /v1/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
          // Refused either way: @hono/node-server itself answers 400 to a Host a URL cannot have.
          expect([400, 421], host).toContain(statusOf(odd));
        }
        const ok = await raw(port, `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
        expect(statusOf(ok)).toBe(200);
      });

      it('a request without Host is 400, though the server would fill in its own address', async () => {
        const answer = await raw(port, 'GET /v1/health HTTP/1.0\r\nConnection: close\r\n\r\n');
        expect(statusOf(answer)).toBe(400);
        expect(answer).toMatch(/"field":"header.host"/);
      });

      it('an absolute request target must name an allowed host too', async () => {
        const answer = await raw(port, `GET http://attacker.example/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
        expect(statusOf(answer)).toBe(421);
      });

      it('a POST without Content-Type but with a body is 415; one without a body still says what is missing', async () => {
        const body = JSON.stringify(note());
        const noType = await raw(port, `POST /v1/interactions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${f.token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
        expect(statusOf(noType)).toBe(415);
        const empty = await raw(port, `POST /v1/interactions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${f.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        expect(statusOf(empty)).toBe(400);
        expect(empty).toMatch(/needs a JSON body/);
      });
    });
  });

  describe('415 for bodies that are not JSON', () => {
    it.each([
      'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
      'application/jsonx', 'application/merge-patch+json', 'application/json; charset=latin1', 'json', '',
    ])('Content-Type "%s" is 415 saying what to send, and writes nothing', async (type) => {
      const before = await countRows(t.db);
      for (const [method, path] of [['POST', '/v1/interactions'], ['PATCH', '/v1/commitments/00000000-0000-4000-8000-000000000000'], ['POST', '/v1/lookup']]) {
        const res = await api.call(method!, path!, note(), { 'Content-Type': type });
        expect(res.status, `${method} ${path}`).toBe(415);
        expect(res.body).toMatchObject({ error: { code: 'unsupported_media_type', message: expect.stringMatching(/application\/json/) } });
      }
      expect(await countRows(t.db)).toEqual(before);
    });

    it('a body given without any Content-Type is 415', async () => {
      const res = await app.request('/v1/interactions', {
        method: 'POST', headers: { Authorization: `Bearer ${f.token}` }, body: new TextEncoder().encode(JSON.stringify(note())),
      });
      expect(res.status).toBe(415);
    });

    it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/json ; charset=utf8'])(
      '"%s" is JSON',
      async (type) => {
        const res = await api.post('/v1/interactions', note(), { 'Content-Type': type });
        expect(res.status).toBe(201);
      },
    );
  });

  describe('the root page', () => {
    it('says what runs here and how to connect, as a static page with no scripts', async () => {
      const res = await app.request('/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
      const html = await res.text();
      expect(html).toMatch(/CRM API/);
      expect(html).toContain('0.1.0');
      expect(html).toMatch(/options/);
      expect(html).toContain('npm run crm -- token issue --email');
      expect(html).toContain('href="/v1/health"');
      expect(html).toContain('href="/v1/openapi.json"');
      expect(html).not.toMatch(/<script|<img|<iframe|<link|<form|\son\w+=|src=|https?:\/\//i);
      // Nothing of the team in the database, and nothing of demo data.
      expect(html).not.toMatch(/alpha|demo/i);
      // Its one inline style is allowed by hash; nothing else may load.
      const csp = res.headers.get('content-security-policy') ?? '';
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).not.toMatch(/unsafe|script-src/);
    });

    it('HEAD / answers the same headers without a body', async () => {
      const res = await app.request('/', { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toBe('');
    });

    it('escapes what it prints', async () => {
      const html = await (await createApp({ db: t.db, version: '<b onmouseover="x">1&2</b>' }).request('/')).text();
      expect(html).not.toContain('<b onmouseover');
      expect(html).toContain('&#60;b onmouseover=&#34;x&#34;&#62;1&#38;2&#60;/b&#62;');
    });
  });

  it('the OpenAPI document lists the answers of these layers', async () => {
    type Op = { requestBody?: unknown; responses: Record<string, { headers?: Record<string, unknown> }> };
    const doc = (await api.get<{ paths: Record<string, Record<string, Op>> }>('/v1/openapi.json')).body;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.responses['421'], where).toBeDefined();
        expect(op.responses['429']?.headers?.['Retry-After'], where).toBeDefined();
        expect(op.responses['415'] !== undefined, where).toBe(op.requestBody !== undefined);
      }
    }
    for (const path of ['/v1/interactions', '/v1/commitments', '/v1/contacts']) expect(doc.paths[path]?.post?.responses['409']).toBeDefined();
    expect(doc.paths['/v1/lookup']?.post?.responses['409']).toBeUndefined();
  });
});
