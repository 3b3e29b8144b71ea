import type { z } from 'zod';

/** One problem in an import file: where it is (`contacts[3].emails[0]`) and what is wrong. */
export interface BundleIssue {
  path: string;
  message: string;
}

/** How many problems the error message lists before it only counts the rest. */
const LISTED = 20;

/** An import was refused; nothing was written. Carries every problem found, not just the first. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(readonly issues: readonly BundleIssue[]) {
    super(summarise(issues));
  }
}

function summarise(issues: readonly BundleIssue[]): string {
  const lines = issues.slice(0, LISTED).map(formatIssue);
  if (issues.length > LISTED) lines.push(`… and ${issues.length - LISTED} more`);
  const head = issues.length === 1 ? 'The file has a problem' : `The file has ${issues.length} problems`;
  return `${head}; nothing was imported.\n${lines.join('\n')}`;
}

export function formatIssue(issue: BundleIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** `['contacts', 3, 'emails', 0]` → `contacts[3].emails[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const FORMATS: Record<string, string> = {
  email: 'not an email address',
  date: 'not a day such as 2026-11-23',
  datetime: 'not an instant with a time zone such as 2026-11-23T10:00:00Z',
};

const TYPES: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  array: 'a list', object: 'an object', null: 'null',
};

/** A short sentence for one zod issue, in the words of the import format rather than zod's. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // Needs a parse with `reportInput: true`, which tells a missing field from a wrong one.
      if (issue.input === undefined) return `required (${TYPES[issue.expected] ?? issue.expected})`;
      return `expected ${TYPES[issue.expected] ?? issue.expected}`;
    case 'invalid_format':
      return FORMATS[issue.format] ?? `expected ${issue.message}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `needs at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `longer than ${issue.maximum} characters`;
      if (issue.origin === 'array') return `more than ${issue.maximum} items`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return issue.message;
  }
}

/** Parses with the options `describeIssue` relies on; returns the data or every issue. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  data: unknown,
): { ok: true; data: z.output<T> } | { ok: false; issues: BundleIssue[] } {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: issuesFromZod(result.error) };
}

/** Every issue of a failed parse, one per unknown key so each gets its own path. */
export function issuesFromZod(error: z.ZodError): BundleIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path), message: describeIssue(issue) }],
  );
}
