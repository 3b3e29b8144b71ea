import type { Context } from 'hono';
import type { z } from 'zod';
import { validationError } from './errors';

/** Where the value came from, as the start of a field path: `body`, `query`, `path.id`, `header.x`. */
type Where = string;

/** The first issue's path as `body.emails.3`, so a client can point at the offending field. */
export function fieldOf(where: Where, path: readonly PropertyKey[]): string {
  return [where, ...path.map(String)].join('.');
}

/** Parses `input` or throws a 400 naming the first offending field. */
export function check<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldOf(where, issue?.path ?? []);
  throw validationError(field, issue ? `${field}: ${issue.message}` : `${where} is not valid`);
}

/** Parses a request body: malformed JSON is its own 400, before any schema runs. */
export function parseJson(raw: string): unknown {
  if (raw.trim() === '') throw validationError('body', 'the request needs a JSON body');
  try {
    return JSON.parse(raw);
  } catch {
    throw validationError('body', 'the body is not valid JSON');
  }
}

/**
 * The query string's parameters, decoded. Hono leaves a value whose %-escapes are not UTF-8
 * (such as `%ED%A0%80`, a lone surrogate) as it came, which a route would then take for the text
 * sent; it is a 400 naming the parameter instead.
 */
export function queryOf(c: Context): Record<string, string> {
  const url = c.req.url;
  const start = url.indexOf('?');
  if (start >= 0 && url.includes('%', start)) {
    const end = url.indexOf('#', start);
    for (const pair of url.slice(start + 1, end < 0 ? undefined : end).split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (!decodes(key)) throw validationError('query', 'query: a parameter name is not valid percent-encoded UTF-8');
      if (eq >= 0 && !decodes(pair.slice(eq + 1))) {
        const field = fieldOf('query', [decodeURIComponent(key.replace(/\+/g, ' '))]);
        throw validationError(field, `${field}: not valid percent-encoded UTF-8`);
      }
    }
  }
  return c.req.query();
}

function decodes(encoded: string): boolean {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' ')).isWellFormed();
  } catch {
    return false;
  }
}
