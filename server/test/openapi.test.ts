import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../lib/api/endpoints';
import { createApp } from '../app';
import { openDb } from '../db';
import { client } from './support/client';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; responses: Record<string, unknown> }>>;
}

describe('GET /v1/openapi.json', () => {
  it('lists every endpoint with its method, body and answers, without a token', async () => {
    const db = await openDb();
    try {
      const res = await client(createApp({ db })).get<Doc>('/v1/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      for (const [name, e] of Object.entries(ENDPOINTS)) {
        const op = res.body.paths[e.path]?.[e.method];
        expect(op, `${e.method} ${e.path}`).toBeDefined();
        expect(op?.operationId).toBe(name);
        expect(op?.requestBody !== undefined).toBe('body' in e);
        expect(Object.keys(op?.responses ?? {}).some((s) => s.startsWith('2'))).toBe(true);
      }
      const create = res.body.paths['/v1/interactions']?.post?.requestBody as {
        content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } };
      };
      const schema = create.content['application/json'].schema;
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['accountId', 'kind', 'summary', 'commitments']));
      expect(schema.required).toEqual(expect.arrayContaining(['accountId', 'kind', 'summary']));
      const health = await client(createApp({ db })).get('/v1/health');
      expect(health.body).toEqual({ ok: true, version: expect.any(String), database: 'pglite' });
    } finally {
      await db.close();
    }
  });
});
