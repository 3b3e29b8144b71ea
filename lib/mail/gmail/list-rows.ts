import { makeIsOurs, uniqueByEmail } from '../participants';
import type { ListRow, ReaderOptions, ReadResult, RowRead, RowSender } from '../types';
import { notRecognised, recognised } from '../types';
import { personFrom } from './people';
import { findAllOf, findFirst, readAttr, safeMatches } from '../query';
import type { SelectorFallback } from '../selector-table';
import { cleanId } from './clean-id';
import { GMAIL_SELECTORS as S } from './selectors';

export type { RowRead, RowSender };

/**
 * The attributes a row's thread id and senders are read from, after the selector table. Only
 * changes to these, or to elements carrying them, can change what a row reads.
 */
export const ROW_VALUE_ATTRIBUTES: readonly string[] = [
  ...new Set<string>([...S.rowSender.fallbacks, ...S.rowThreadId.fallbacks].map((f) => f.attr)),
];
const HOLDS_VALUE = ROW_VALUE_ATTRIBUTES.map((a) => `[${a}]`).join(',');

/** Whether `node` is, or contains, an element carrying a sender's address or a thread id. */
export function holdsRowValue(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(HOLDS_VALUE) || el.querySelector(HOLDS_VALUE) !== null;
}

/** Whether `node` sits inside (or is) an element carrying a sender's address or a thread id, up to `row`. */
export function insideRowValue(node: Node, row: Element): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el.matches(HOLDS_VALUE)) return true;
    if (el === row) return false;
  }
  return false;
}

/**
 * What the first fallbacks of the thread id and of the senders find in a conversation's table
 * rows, when a query of the whole list body found it (`holdersIn`) rather than one per row.
 */
export interface RowHolders {
  /** Per table row: itself if it matches the thread id's first fallback, else its first descendant that does. */
  ids: readonly (Element | null)[];
  /** The elements matching the senders' first fallback in the table rows (not the rows themselves), in order. */
  senders: readonly Element[];
}

/**
 * Reads one conversation from its table rows; with `found`, takes what the first fallbacks find
 * from it instead of querying the rows again (the answer is the same). Throws only on a hostile
 * DOM (callers catch).
 */
export function readRowGroup(row: Element, group: readonly Element[], found?: RowHolders): RowRead {
  const rawId = readAttr(group, S.rowThreadId, found?.ids);
  const threadId = rawId ? cleanId(rawId) : null;
  const senders = sendersOf(group, found?.senders);
  let key = threadId ?? '';
  for (const { person } of senders) key += `\u0001${person.email}\u0002${person.name}`;
  return { row, group, threadId, senders, key };
}

function sendersOf(group: readonly Element[], first?: readonly Element[]): RowSender[] {
  const { fallbacks } = S.rowSender;
  for (let f = 0; f < fallbacks.length; f++) {
    const { css, attr } = fallbacks[f] as SelectorFallback;
    const hits = f === 0 && first ? first : group.flatMap((el) => findAllOf(el, css));
    if (hits.length === 0) continue;
    const out: RowSender[] = [];
    for (const hit of hits) {
      const person = personFrom(hit, attr ?? 'email');
      if (person) out.push({ el: hit, person });
    }
    return out;
  }
  return [];
}

const ID_CSS = (S.rowThreadId.fallbacks[0] as SelectorFallback).css;
const SENDER_CSS = (S.rowSender.fallbacks[0] as SelectorFallback).css;

/**
 * For each of `children` (every child of `body`, in order): what the first fallbacks of the
 * thread id and of the senders find in it (as `RowHolders` has them), from one query of the whole
 * body each. A query of an element answers the elements under it that match in the whole page, so
 * the body's answer is its children's answers, in order, plus the children themselves (which count
 * for the id, not for the senders). `null` when a query fails: the rows are then read one by one.
 */
function holdersIn(body: Element, children: readonly Element[]): { ids: (Element | null)[]; senders: Element[][] } | null {
  let idHits: NodeListOf<Element>;
  let senderHits: NodeListOf<Element>;
  try {
    idHits = body.querySelectorAll(ID_CSS);
    senderHits = body.querySelectorAll(SENDER_CSS);
  } catch {
    return null;
  }
  const ids: (Element | null)[] = [];
  const senders: Element[][] = [];
  let i = 0;
  let s = 0;
  for (const child of children) {
    // A child's finds are the run of the body's that it contains; its first is what `readAttr` takes.
    let id: Element | null = null;
    for (let hit; (hit = idHits[i]) && child.contains(hit); i++) id ??= hit;
    ids.push(id);
    const mine: Element[] = [];
    for (let hit; (hit = senderHits[s]) && child.contains(hit); s++) if (hit !== child) mine.push(hit);
    senders.push(mine);
  }
  return { ids, senders };
}

/**
 * The conversations of the list bodies, remembered row by row, so a change Gmail makes to a few
 * rows is read from those rows alone. `reset` reads every row; `update` reads only the rows it is
 * told were touched, and, for a body whose children changed, the rows that are new or whose group
 * of table rows changed, dropping the ones that left. Both return the rows they read. From
 * `batchFrom` rows to read in one body on (Gmail re-rendered the list), the body is queried once
 * for what they hold instead of each row on its own.
 */
export function createListRows(read: typeof readRowGroup = readRowGroup, batchFrom = 8) {
  let bodies: readonly Element[] = [];
  /** Each body's conversations, in order. */
  const perBody = new Map<Element, RowRead[]>();
  /** Every conversation by its first row. */
  const byRow = new Map<Element, RowRead>();
  let all: RowRead[] = [];

  function enumerate(body: Element, touched: ReadonlySet<Element>, out: RowRead[]): RowRead[] {
    const { children, groups, starts } = groupsOf(body);
    const rows: RowRead[] = [];
    /** Indexes in `groups` of the conversations to read: new, changed or touched. */
    const pending: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as Element[];
      const head = group[0] as Element;
      const known = byRow.get(head);
      if (known && !touched.has(head) && sameElements(known.group, group)) rows.push(known);
      else {
        pending.push(g);
        rows.push(known as RowRead); // its place, filled in below
      }
    }
    const found = pending.length >= batchFrom ? holdersIn(body, children) : null;
    for (const g of pending) {
      const group = groups[g] as Element[];
      const at = starts[g] as number;
      const end = at + group.length;
      const fresh = read(group[0] as Element, group, found ? { ids: found.ids.slice(at, end), senders: found.senders.slice(at, end).flat() } : undefined);
      rows[g] = fresh;
      out.push(fresh);
    }
    return rows;
  }

  function store(body: Element, rows: RowRead[]): void {
    for (const old of perBody.get(body) ?? []) byRow.delete(old.row);
    for (const row of rows) byRow.set(row.row, row);
    perBody.set(body, rows);
  }

  function rebuildAll(): void {
    all = bodies.flatMap((b) => perBody.get(b) ?? []);
  }

  return {
    /** Reads every conversation of `next` (the list bodies, in page order). */
    reset(next: readonly Element[]): RowRead[] {
      bodies = [...next];
      perBody.clear();
      byRow.clear();
      const out: RowRead[] = [];
      for (const body of bodies) store(body, enumerate(body, new Set(), out));
      rebuildAll();
      return out;
    },

    /**
     * Re-reads the conversations that hold a `touched` table row, and, in each of `changedBodies`,
     * looks for rows added, moved or removed. Returns what it read (a removed row is simply gone
     * from `rows()`), and whether `rows()` changed at all.
     */
    update(touched: Iterable<Element>, changedBodies: Iterable<Element>): { read: RowRead[]; changed: boolean } {
      const out: RowRead[] = [];
      const heads = new Set<Element>();
      for (const tr of touched) {
        const head = headOf(tr);
        if (head) heads.add(head);
      }
      let changed = false;
      for (const body of changedBodies) {
        const before = perBody.get(body);
        if (!before) continue;
        const rows = enumerate(body, heads, out);
        changed ||= !sameRows(before, rows);
        store(body, rows);
      }
      const done = heads.size > 0 ? new Set(out.map((r) => r.row)) : null;
      let reread = false;
      for (const head of heads) {
        const known = byRow.get(head);
        // Read above with its body, or gone from the list: nothing more to do.
        if (!known || done?.has(head)) continue;
        const fresh = read(head, known.group);
        out.push(fresh);
        byRow.set(head, fresh);
        reread = true;
      }
      if (reread) for (const [body, rows] of perBody) perBody.set(body, rows.map((r) => byRow.get(r.row) ?? r));
      if (out.length > 0 || changed) rebuildAll();
      return { read: out, changed: out.length > 0 || changed };
    },

    /** Every conversation of the list now, in page order. */
    rows(): readonly RowRead[] {
      return all;
    },

    /** The list as `readListRows` answers it, from what is remembered. */
    result(opts: ReaderOptions): ReadResult<ListRow[]> {
      return resultOf(bodies, all, opts);
    },

    /** Text that is the same for two lists exactly when `result(opts)` is. */
    key(opts: ReaderOptions): string {
      let key = `${opts.ownAddresses.join(',')}\n${opts.companyDomains.join(',')}\n${all.length === 0 ? bodies.length : ''}`;
      for (const row of all) key += `\n${row.key}`;
      return key;
    },
  };

  /** The first row of the conversation a table row belongs to. */
  function headOf(tr: Element): Element | null {
    for (let el: Element | null = tr; el; el = el.previousElementSibling) {
      if (byRow.has(el)) return byRow.get(el)?.group.includes(tr) ? el : null;
    }
    return null;
  }
}

export type ListRows = ReturnType<typeof createListRows>;

function sameRows(a: readonly RowRead[], b: readonly RowRead[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/**
 * The conversations of a list body, each as its table rows, in order. A conversation starts at a
 * child of the body that matches `listRow` (the first of its fallbacks that any child matches).
 * With the reading pane on the right Gmail draws each conversation as two or three table rows
 * (sender and date, then subject, then labels); only the first is a `listRow`, the thread id sits
 * in the second, and the rows up to the next `listRow` belong to it.
 */
const ROW_CSS = S.listRow.fallbacks.map((f) => f.css);

function groupsOf(body: Element): { children: Element[]; groups: Element[][]; starts: number[] } {
  const children: Element[] = [];
  const levels: number[] = [];
  let best = -1;
  for (let el = body.firstElementChild; el; el = el.nextElementSibling) {
    let level = -1;
    for (let i = 0; i < ROW_CSS.length && level < 0; i++) if (safeMatches(el, ROW_CSS[i] as string)) level = i;
    children.push(el);
    levels.push(level);
    if (level >= 0 && (best < 0 || level < best)) best = level;
  }
  const groups: Element[][] = [];
  /** Where each group starts in `children`. */
  const starts: number[] = [];
  if (best < 0) return { children, groups, starts };
  let current: Element[] | null = null;
  for (let i = 0; i < children.length; i++) {
    const level = levels[i] as number;
    if (level === best) {
      groups.push((current = [children[i] as Element]));
      starts.push(i);
    } else if (level < 0) current?.push(children[i] as Element);
    else current = null; // a row of another kind ends the conversation before it
  }
  return { children, groups, starts };
}

function sameElements(a: readonly Element[], b: readonly Element[]): boolean {
  return a.length === b.length && a.every((el, i) => el === b[i]);
}

/**
 * The list as read: rows without a thread id are left out (they cannot be matched to a thread),
 * our own people are left out of senders. An empty list is an answer; a list whose rows carry
 * neither ids nor senders is not-recognised.
 */
export function resultOf(bodies: readonly Element[], rows: readonly RowRead[], opts: ReaderOptions): ReadResult<ListRow[]> {
  if (rows.length === 0) {
    // Empty only when the body has no rows at all; rows Gmail renamed are not an empty inbox.
    return bodies.some((b) => findFirst(b, S.tableRow)) ? notRecognised([S.listRow.name]) : recognised([]);
  }
  const isOurs = makeIsOurs(opts);
  const out: ListRow[] = [];
  let anySender = false;
  for (const { threadId, senders } of rows) {
    if (senders.length > 0) anySender = true;
    if (!threadId) continue;
    out.push({ threadId, senders: uniqueByEmail(senders.map((s) => s.person).filter((p) => !isOurs(p.email))) });
  }
  const failed = [...(out.length === 0 ? [S.rowThreadId.name] : []), ...(anySender ? [] : [S.rowSender.name])];
  return failed.length > 0 ? notRecognised(failed) : recognised(out);
}
