import type { SelectorEntry } from '../mail/selector-table';
import type { MailSite } from '../mail/types';
import { findAllOf } from '../mail/query';
import { skeletonOf } from './layout-skeleton';

/**
 * The layout report a user attaches to a bug report when a mail site's page is not recognised:
 * what the page's relevant region is made of and how many elements each entry of the site's
 * selector table finds there, with nothing a person wrote (no text, no address, no attribute
 * value that could hold one; see layout-skeleton.ts). Pure over the document, bounded in size.
 */

/** The report's bounds: what goes past them is cut and the cut is said. */
export const REPORT_LIMITS = { lines: 2_000, bytes: 200_000 } as const;

/** What a site gives the report: its selector table and the entries whose elements make the region described. */
export interface LayoutReportSource<Table extends Readonly<Record<string, SelectorEntry>> = Readonly<Record<string, SelectorEntry>>> {
  table: Table;
  regions: readonly (keyof Table & string)[];
}

export interface LayoutReportInput extends LayoutReportSource {
  site: MailSite;
  url: string;
  version: string;
  /** When the report was made; only its day is written. */
  now: Date;
}

const ROUTE_WORD = /^(?:[a-z]{1,16}|\d)$/;
const VIEW_WORD = /^[a-z][a-z-]{0,19}$/;

/**
 * The URL's route with every id and user word replaced: path segments stay when they are short
 * lowercase words or a single digit (`/mail/u/0/`), the hash keeps only its first segment (the
 * view: `#inbox`, `#label`, `#search`) and the query only its presence.
 */
export function routeShape(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<not a URL>';
  }
  const path = parsed.pathname.split('/').map((s) => (s === '' || ROUTE_WORD.test(s) ? s : '<id>')).join('/');
  const [view = '', ...rest] = parsed.hash.replace(/^#/, '').split('/');
  const hash = parsed.hash === '' ? '' : `#${[VIEW_WORD.test(view) ? view : '<id>', ...rest.map(() => '<id>')].join('/')}`;
  return `${path}${parsed.search === '' ? '' : '?<query>'}${hash}`;
}

/** One line per table entry: how many elements its first fallback that finds any finds. */
export function entryCounts(doc: Document, table: LayoutReportSource['table']): string[] {
  return Object.values(table).map(({ name, fallbacks }) => {
    const index = fallbacks.findIndex(({ css }) => findAllOf(doc, css).length > 0);
    const found = fallbacks[index];
    return found
      ? `${name}: ${findAllOf(doc, found.css).length} (fallback ${index + 1}/${fallbacks.length})`
      : `${name}: 0 (fallbacks tried: ${fallbacks.length})`;
  });
}

/** The region entries' outermost elements (one inside another is described with it); else `[role=main]`, else the body. */
export function regionsOf(doc: Document, source: LayoutReportSource): { label: string; el: Element }[] {
  const found = source.regions.flatMap((name) => {
    const entry = source.table[name];
    const hits = entry ? entry.fallbacks.map(({ css }) => findAllOf(doc, css)).find((els) => els.length > 0) ?? [] : [];
    return hits.map((el) => ({ label: name, el }));
  });
  const outermost = found.filter(({ el }, i) => !found.some((other, j) => j !== i && other.el !== el && other.el.contains(el)));
  const unique = outermost.filter(({ el }, i) => outermost.findIndex((other) => other.el === el) === i);
  if (unique.length > 0) return unique;
  const main = doc.querySelector('[role="main"]');
  if (main) return [{ label: '[role=main], no region entry found', el: main }];
  return doc.body ? [{ label: 'body, no region entry found', el: doc.body }] : [];
}

/** The whole report as plain text, at most REPORT_LIMITS in lines and bytes. */
export function buildLayoutReport(doc: Document, input: LayoutReportInput): string {
  const lines = [
    'Client context layout report',
    `site: ${input.site}`,
    `route: ${routeShape(input.url)}`,
    `version: ${input.version}`,
    `date: ${input.now.toISOString().slice(0, 10)}`,
    '',
    'selector entries (elements found):',
    ...entryCounts(doc, input.table).map((line) => `  ${line}`),
  ];
  let cut = false;
  for (const { label, el } of regionsOf(doc, input)) {
    const skeleton = skeletonOf(el);
    cut ||= skeleton.cut;
    lines.push('', `region: ${label}`, ...skeleton.lines);
  }
  return bounded(lines, cut);
}

/** The lines within the limits, with a last line saying what was left out. */
function bounded(lines: string[], cut: boolean): string {
  const kept: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    // Lines are ASCII but for the count's '×' (2 bytes): 2 per character is a safe bound.
    if (kept.length >= REPORT_LIMITS.lines - 1 || bytes + line.length * 2 + 200 > REPORT_LIMITS.bytes) break;
    kept.push(line);
    bytes += line.length * 2 + 1;
  }
  const left = lines.length - kept.length;
  if (left > 0) kept.push(`… ${left} more lines left out`);
  else if (cut) kept.push('… deeper or further elements left out');
  return kept.join('\n');
}
