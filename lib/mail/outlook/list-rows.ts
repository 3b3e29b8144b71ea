import { makeIsOurs, uniqueByEmail } from '../participants';
import type { ReaderOptions, ReadResult, RowRead } from '../types';
import { recognised } from '../types';
import { findAll } from '../query';
import { rowSendersOf, rowThreadId } from './row-senders';
import { OUTLOOK_SELECTORS as S } from './selectors';
import type { OutlookListRow } from './types';

export type { RowRead };

/** Reads one row of the list. Throws only on a hostile DOM (callers catch). */
export function readListRow(row: Element): RowRead {
  const threadId = rowThreadId(row);
  const senders = rowSendersOf(row);
  let key = threadId ?? '';
  for (const { person } of senders) key += `\u0001${person.email}\u0002${person.name}`;
  return { row, group: [row], threadId, senders, key };
}

/**
 * The rows of the message list, remembered row by row, so what Outlook changes in a few rows is
 * read from those rows alone. `reset` reads every row; `update` re-reads the rows it is told were
 * touched and, when the list's children changed, reads the rows that are new and drops the ones
 * that left. Both return the rows they read. Selection is not remembered: it is read from each
 * row when the list is answered, as it changes without anything else in the row changing.
 */
export function createListRows(read: typeof readListRow = readListRow) {
  let list: Element | null = null;
  const byRow = new Map<Element, RowRead>();
  let all: RowRead[] = [];

  function enumerate(touched: ReadonlySet<Element>, out: RowRead[]): boolean {
    const next = (list ? findAll(list, S.listRow) : []).map((el) => {
      const known = byRow.get(el);
      if (known && !touched.has(el)) return known;
      const fresh = read(el);
      out.push(fresh);
      return fresh;
    });
    byRow.clear();
    for (const row of next) byRow.set(row.row, row);
    const changed = next.length !== all.length || next.some((row, i) => row !== all[i]);
    all = next;
    return changed;
  }

  /** The remembered row that holds `el`, if any. */
  function rowOf(el: Element): Element | null {
    for (let node: Element | null = el; node; node = node.parentElement) if (byRow.has(node)) return node;
    return null;
  }

  return {
    /** Reads every row of `next` (the listbox), or forgets them all for `null`. */
    reset(next: Element | null): RowRead[] {
      list = next;
      byRow.clear();
      all = [];
      const out: RowRead[] = [];
      enumerate(new Set(), out);
      return out;
    },

    /**
     * Re-reads the rows holding a `touched` element and, with `childrenChanged`, finds the rows
     * added, moved or removed. Returns what it read and whether `rows()` changed.
     */
    update(touched: Iterable<Element>, childrenChanged: boolean): { read: RowRead[]; changed: boolean } {
      const rows = new Set<Element>();
      for (const el of touched) {
        const row = rowOf(el);
        if (row) rows.add(row);
      }
      const out: RowRead[] = [];
      if (childrenChanged) return { read: out, changed: enumerate(rows, out) };
      for (const row of rows) {
        const fresh = read(row);
        out.push(fresh);
        byRow.set(row, fresh);
      }
      if (out.length > 0) all = all.map((r) => byRow.get(r.row) ?? r);
      return { read: out, changed: out.length > 0 };
    },

    /** Every row of the list now, in page order. */
    rows(): readonly RowRead[] {
      return all;
    },

    /** The list as `readListRows` answers it, from what is remembered (and each row's selection now). */
    result(opts: ReaderOptions): ReadResult<OutlookListRow[]> {
      const isOurs = makeIsOurs(opts);
      const out: OutlookListRow[] = [];
      for (const { row, threadId, senders } of all) {
        if (!threadId) continue;
        out.push({ threadId, senders: uniqueByEmail(senders.map((s) => s.person).filter((p) => !isOurs(p.email))), selected: isSelected(row) });
      }
      return recognised(out);
    },

    /** Text that is the same for two lists exactly when `result(opts)` is. */
    key(opts: ReaderOptions): string {
      let key = `${opts.ownAddresses.join(',')}\n${opts.companyDomains.join(',')}`;
      for (const row of all) key += `\n${isSelected(row.row) ? '*' : ''}${row.key}`;
      return key;
    },
  };
}

function isSelected(row: Element): boolean {
  return row.getAttribute('aria-selected') === 'true';
}
