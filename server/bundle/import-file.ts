import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Db } from '../db';
import { contactsFromCsv, relabelCsvIssues } from './contacts-csv';
import { CsvSyntaxError } from './csv';
import { BundleError } from './errors';
import { importBundle } from './import-bundle';
import type { ImportSummary } from './write-bundle';

export type FileKind = 'json' | 'csv';

/** `.json` and `.csv` decide by name; anything else by whether the text starts like JSON. */
export function detectKind(path: string, text: string): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Imports a JSON bundle or a contacts CSV into a team, all or nothing. */
export async function importFile(db: Db, teamId: string, path: string): Promise<ImportSummary> {
  const text = await readFile(path, 'utf8');
  return importText(db, teamId, text, detectKind(path, text));
}

export async function importText(db: Db, teamId: string, text: string, kind: FileKind): Promise<ImportSummary> {
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new BundleError([{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
    }
    return importBundle(db, teamId, data);
  }
  let csv;
  try {
    csv = contactsFromCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new BundleError([{ path: `line ${error.line}`, message: error.detail }]);
    throw error;
  }
  return importBundle(db, teamId, csv.bundle, { accountsByName: true, relabel: (issues) => relabelCsvIssues(issues, csv) });
}
