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
  const text = decodeUtf8(await readFile(path));
  return importText(db, teamId, text, detectKind(path, text));
}

/**
 * Strict UTF-8: a file saved in another encoding (a legacy Cyrillic code page, UTF-16) is
 * refused rather than imported with its names turned into replacement characters.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError([{ path: '', message: 'the file is not UTF-8 text; save it as UTF-8 (in spreadsheet programs: "CSV UTF-8")' }]);
  }
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
