import { parseCsv } from './csv';
import { BundleError, type BundleIssue } from './errors';
import { BUNDLE_VERSION, type BundleInput } from './format';

/** The columns a contacts CSV may have; `role` and `phone` may be left out. */
export const CSV_COLUMNS = ['name', 'email', 'role', 'phone', 'account'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'email', 'account'];

/** A bundle made from a CSV, and file lines so errors can point at the cell. */
export interface CsvContacts {
  bundle: BundleInput;
  /** The line of each contact. */
  lines: number[];
  /** The first line naming each account. */
  accountLines: number[];
}

/**
 * Reads a contacts CSV (header row `name,email,role,phone,account`, in any order, several
 * addresses in one cell separated by `;`) into a bundle. The `account` column holds an account
 * name: rows with the same name (ignoring case) share one account, which the import matches to
 * an existing account of the team by name or creates.
 */
export function contactsFromCsv(text: string): CsvContacts {
  const records = parseCsv(text);
  const header = records[0];
  if (header === undefined) throw new BundleError([{ path: '', message: 'the CSV file is empty; it needs a header row name,email,role,phone,account' }]);

  const columns = new Map<Column, number>();
  const issues: BundleIssue[] = [];
  header.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = CSV_COLUMNS.find((c) => c === name);
    if (column === undefined) issues.push({ path: `line ${header.line}`, message: `unknown column "${raw}"; the columns are ${CSV_COLUMNS.join(',')}` });
    else if (columns.has(column)) issues.push({ path: `line ${header.line}`, message: `column "${column}" appears twice` });
    else columns.set(column, index);
  });
  for (const column of REQUIRED) {
    if (!columns.has(column)) issues.push({ path: `line ${header.line}`, message: `the header has no "${column}" column` });
  }
  if (issues.length > 0) throw new BundleError(issues);

  const rows = records.slice(1);
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      issues.push({ path: `line ${row.line}`, message: `${row.fields.length} fields, but the header has ${header.fields.length}` });
    }
  }
  if (issues.length > 0) throw new BundleError(issues);

  const cell = (fields: string[], column: Column): string | undefined => {
    const index = columns.get(column);
    return index === undefined ? undefined : fields[index];
  };
  const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value);

  const accountRefs = new Map<string, string>();
  const accountLines: number[] = [];
  const contacts = rows.map(({ fields, line }) => {
    const account = (cell(fields, 'account') ?? '').trim();
    const key = account.toLowerCase();
    if (account !== '' && !accountRefs.has(key)) {
      accountRefs.set(key, account);
      accountLines.push(line);
    }
    return {
      account: accountRefs.get(key) ?? account,
      name: cell(fields, 'name') ?? '',
      emails: (cell(fields, 'email') ?? '').split(';').map((e) => e.trim()).filter((e) => e !== ''),
      role: optional(cell(fields, 'role')),
      phone: optional(cell(fields, 'phone')),
    };
  });
  const accounts = [...accountRefs.values()].map((name) => ({ ref: name, name }));
  return { bundle: { version: BUNDLE_VERSION, accounts, contacts }, lines: rows.map((r) => r.line), accountLines };
}

/**
 * Rewrites `contacts[3].emails[0]` to `line 5, emails[0]`, and an account's problem to the first
 * line naming it (`line 2, account`), so a CSV's author can find the cell.
 */
export function relabelCsvIssues(issues: readonly BundleIssue[], csv: Pick<CsvContacts, 'lines' | 'accountLines'>): BundleIssue[] {
  return issues.map((issue) => {
    const match = /^(contacts|accounts)\[(\d+)\]\.?(.*)$/.exec(issue.path);
    if (!match) return issue;
    const isContact = match[1] === 'contacts';
    const line = (isContact ? csv.lines : csv.accountLines)[Number(match[2])];
    if (line === undefined) return issue;
    const field = isContact ? match[3] : 'account';
    return { path: field ? `line ${line}, ${field}` : `line ${line}`, message: issue.message };
  });
}
