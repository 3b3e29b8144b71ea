import { z } from 'zod';
import { ApiError } from './common';
import { ENDPOINTS } from './endpoints';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from './writes';

type Json = Record<string, unknown>;

interface EndpointInfo {
  method: string;
  path: string;
  summary: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  idempotent?: boolean;
  forbidden?: string;
}

/** JSON Schema (draft 2020-12, what OpenAPI 3.1 uses) of one side of a schema. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

/** The status a successful call answers with: creates say 201 (a POST to a record's own path changes it: 200). */
export function successStatus(e: { method: string; path: string; idempotent?: boolean }): 200 | 201 {
  return e.method === 'post' && e.idempotent && !e.path.includes('{') ? 201 : 200;
}

function queryParameters(query: z.ZodType): Json[] {
  const schema = schemaOf(query, 'input');
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function operation(name: string, e: EndpointInfo): Json {
  const parameters: Json[] = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1], in: 'path', required: true, schema: { type: 'string', format: 'uuid' },
  }));
  if (e.query) parameters.push(...queryParameters(e.query));
  if (e.idempotent) {
    parameters.push({
      name: IDEMPOTENCY_HEADER, in: 'header', required: false, schema: schemaOf(IdempotencyKey, 'input'),
      description: 'Same key and body: the first answer again, nothing written twice. Kept at least 7 days.',
    });
  }
  const responses: Json = {
    [String(successStatus(e))]: {
      description: 'OK',
      content: { 'application/json': { schema: schemaOf(e.response, 'output') } },
    },
    '400': errorResponse('A field is not valid; `error.field` names it'),
  };
  if (e.auth) responses['401'] = errorResponse('No token, or not a valid one');
  if (e.path.includes('{') || e.body) responses['404'] = errorResponse('Not found in the caller\'s team');
  if (e.forbidden) responses['403'] = errorResponse(e.forbidden);
  if (e.method === 'patch') responses['409'] = errorResponse('Stale version; `error.details` holds the current record (`commitment`, `account` or `interaction`)');
  if (e.path.includes('/contacts')) responses['409'] = errorResponse('An address another contact of the team already has');
  if (e.idempotent) responses['422'] = errorResponse('Idempotency-Key reused for a different request');
  if (e.body) responses['413'] = errorResponse('Body larger than 1 MB');
  const op: Json = { operationId: name, summary: e.summary, parameters, responses };
  op.security = e.auth ? [{ bearer: [] }] : [];
  if (e.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(e.body, 'input') } } };
  }
  return op;
}

/** The OpenAPI 3.1 document of `/v1`, generated from the same schemas the server validates with. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [name, e] of Object.entries(ENDPOINTS) as [string, EndpointInfo][]) {
    (paths[e.path] ??= {})[e.method] = operation(name, e);
  }
  paths['/v1/openapi.json'] = {
    get: {
      operationId: 'openapi', summary: 'This document', security: [],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'CRM API', version },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiError: schemaOf(ApiError, 'output') },
    },
  };
}
