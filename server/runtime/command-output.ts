/** What the CLI's command handlers write, and how their lists and hints are formatted. */

export interface Output {
  /** A line for people, on stderr. */
  say(line: string): void;
  /** The command's result, on stdout; resolves once all of it was handed to the system. */
  result(text: string, what: string): Promise<void>;
}

/** An instant to the second, in UTC: `2026-06-01T09:30:00Z`. */
export const stamp = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Control characters (a tab or line break in a name) would split a cell or a line. */
const cell = (value: string): string => value.replace(/[\u0000-\u001f\u007f]/g, ' ') || '-';

/** A header line and one line per row, cells separated by tabs; an empty cell shows as `-`. */
export function tsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => `${r.map(cell).join('\t')}\n`).join('');
}

/** A value as it can be pasted into a shell command. */
export const shellArg = (value: string): string => (/^[\w@.+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** The options that name one user unambiguously, for the commands hints suggest. */
export const userOptions = (user: { email: string; teamName: string }): string =>
  `--email ${shellArg(user.email)} --team ${shellArg(user.teamName)}`;

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
