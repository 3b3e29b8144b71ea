// Small strict readers for untrusted data, without zod: the sidebar's first load reads the frame
// messages with them, and zod (about 20 KB gzip) waits for the forms that need it.

/** What a reader answers: the value as read, or a sentence naming the first field at fault. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown inside a reader, caught by `readWith`; never leaves this module's callers. */
class Invalid extends Error {}

const at = (path: string) => path || '(root)';

export function fail(path: string, what: string): never {
  throw new Invalid(`${at(path)}: ${what}`);
}

/** Runs a reader over `value`, turning its first complaint into `{ ok: false, error }`. */
export function readWith<T>(value: unknown, reader: (value: unknown, path: string) => T): Read<T> {
  try {
    return { ok: true, value: reader(value, '') };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

/** A plain object (not an array, not null), whose own fields are then read one by one. */
export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `expected an object, got ${kindOf(value)}`);
  return value as Record<string, unknown>;
}

export function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') fail(path, `expected text, got ${kindOf(value)}`);
  if (value.length > max) fail(path, `longer than ${max} characters (${value.length})`);
  return value;
}

export function list<T>(value: unknown, path: string, max: number, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, `expected a list, got ${kindOf(value)}`);
  if (value.length > max) fail(path, `more than ${max} items (${value.length})`);
  return value.map((v, i) => item(v, `${path}.${i}`));
}

export function oneOf<const T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(value as T)) fail(path, `expected one of ${options.join(', ')}, got ${kindOf(value)}`);
  return value as T;
}

/** Field `key` of `from`, read by `reader` unless absent (undefined), when `fallback` is used. */
export function field<T, F>(from: Record<string, unknown>, key: string, path: string, fallback: F, reader: (value: unknown, path: string) => T): T | F {
  const value = from[key];
  return value === undefined ? fallback : reader(value, path ? `${path}.${key}` : key);
}

// RFC 3339 with seconds and `Z` or an offset, as `z.iso.datetime({ offset: true })` accepts it.
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 instant with an offset, e.g. `2026-11-23T10:00:00.000Z`, on a day the calendar has. */
export function instant(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, `expected text, got ${kindOf(value)}`);
  const match = DATE_TIME.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (!match || month < 1 || month > 12 || day < 1 || day > days) fail(path, 'expected a date and time such as 2026-11-23T10:00:00Z');
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  return typeof value;
}
