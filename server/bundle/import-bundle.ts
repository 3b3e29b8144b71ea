import type { Db, Queryable } from '../db';
import { checkReferences } from './check-references';
import { BundleError, type BundleIssue, parseWith } from './errors';
import { Bundle } from './format';
import { loadTeamState } from './team-state';
import { type ImportSummary, writeBundle } from './write-bundle';

export interface ImportOptions {
  /** CSV imports: an account ref that equals (ignoring case) an existing account's name joins it. */
  accountsByName?: boolean;
  /** Rewrites problem locations before they are reported (e.g. to CSV line numbers). */
  relabel?: (issues: readonly BundleIssue[]) => BundleIssue[];
}

/**
 * Checks a bundle completely, then writes all of it in one transaction. Any problem throws a
 * `BundleError` listing every record and field at fault, and nothing is written.
 */
export async function importBundle(db: Db, teamId: string, input: unknown, options: ImportOptions = {}): Promise<ImportSummary> {
  const bundle = parseBundle(input, options);
  return db.transaction((tx) => importParsedInto(tx, teamId, bundle, options));
}

/** Parses a bundle, throwing a `BundleError` naming each record and field at fault. */
export function parseBundle(input: unknown, options: ImportOptions = {}): Bundle {
  const fail = (issues: BundleIssue[]) => new BundleError(options.relabel ? options.relabel(issues) : issues);
  const parsed = parseWith(Bundle, input);
  if (!parsed.ok) throw fail(parsed.issues);
  const nul = nulCharacters(parsed.data);
  if (nul.length > 0) throw fail(nul);
  return parsed.data;
}

/** PostgreSQL text cannot hold U+0000; finding it here beats a failed insert halfway through. */
export function nulCharacters(value: unknown, path = ''): BundleIssue[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path, message: 'contains a NUL character (U+0000)' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulCharacters(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nulCharacters(v, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/** The same, inside a transaction the caller owns (the demo seed creates its team in it). */
export async function importParsedInto(tx: Queryable, teamId: string, bundle: Bundle, options: ImportOptions = {}): Promise<ImportSummary> {
  const team = await loadTeamState(tx, teamId, bundle, { accountsByName: options.accountsByName === true });
  const issues = checkReferences(bundle, team);
  if (issues.length > 0) throw new BundleError(options.relabel ? options.relabel(issues) : issues);
  return writeBundle(tx, teamId, bundle, team);
}
