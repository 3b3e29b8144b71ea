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
