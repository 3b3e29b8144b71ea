import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';
import { createListRows, readRowGroup, type RowRead } from '../../../../lib/mail/gmail/list-rows';
import { listBodiesOf } from '../../../../lib/mail/gmail/scope';
import { asDocument } from './dom-types';
import { openFixture } from './fixture-dom';

/**
 * When many rows of a body are to be read, the list rows query the whole body once for the
 * holders of thread ids and senders instead of each row on its own. Both ways must read alike.
 */
const LISTS = [F.inboxTabs, F.inboxCompact, F.search, F.readingPane, F.conversationOff, F.indonesian];

const windows: ReturnType<typeof openFixture>[] = [];
afterAll(() => windows.forEach((w) => w.close()));
function load(name: string) {
  const window = openFixture(name);
  windows.push(window);
  const proto = window.Element.prototype as unknown as Element;
  // As browsers do, and happy-dom does not: a query of an element finds the elements under it that
  // match in the whole document, whatever ancestors above it the selector names.
  const under = (root: Element, css: string) => matching(root.ownerDocument, css).filter((el) => el !== root && root.contains(el));
  Object.defineProperty(proto, 'querySelectorAll', { configurable: true, value(this: Element, css: string) { return under(this, css); } });
  Object.defineProperty(proto, 'querySelector', { configurable: true, value(this: Element, css: string) { return under(this, css)[0] ?? null; } });
  return asDocument(window.document);
}

/** What a selector matches in a whole document, kept until the next change (`forget` after one). */
let matched = new WeakMap<Document, Map<string, Element[]>>();
const forget = () => { matched = new WeakMap(); };
function matching(doc: Document, css: string): Element[] {
  let byCss = matched.get(doc);
  if (!byCss) matched.set(doc, (byCss = new Map()));
  let found = byCss.get(css);
  if (!found) byCss.set(css, (found = [...doc.querySelectorAll(css)]));
  return found;
}

/** Every row read both ways: per row (the batch never starts) and from one query of the body (always). */
function bothWays(bodies: readonly Element[]) {
  const perRow = createListRows(readRowGroup, Number.POSITIVE_INFINITY).reset(bodies);
  const batched = createListRows(readRowGroup, 1).reset(bodies);
  return { perRow, batched };
}

/** A read with its elements kept by identity, so `toEqual` compares them as the same elements. */
function shape(rows: readonly RowRead[], all: ReadonlyMap<Element, number>) {
  const at = (el: Element) => all.get(el) ?? -1;
  return rows.map((r) => ({
    row: at(r.row),
    group: r.group.map(at),
    threadId: r.threadId,
    senders: r.senders.map((s) => ({ el: at(s.el), ...s.person })),
    key: r.key,
  }));
}

function expectSame(doc: Document, bodies: readonly Element[], label: string) {
  forget();
  const all = new Map([...doc.querySelectorAll('*')].map((el, i) => [el, i]));
  const { perRow, batched } = bothWays(bodies);
  expect(shape(batched, all), label).toEqual(shape(perRow, all));
  return perRow;
}

describe('list rows read from one query of the body', () => {
  it.each(LISTS)('%s reads as it does row by row', (name) => {
    const doc = load(name);
    const rows = expectSame(doc, listBodiesOf(doc), name);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((r) => r.threadId !== null && r.senders.length > 0)).toBe(true);
  });

  it('reads alike after any sequence of changes, hostile ones included', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261124;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat quickly
    };
    for (const fixture of [F.inboxTabs, F.readingPane, F.conversationOff, F.search]) {
      const doc = load(fixture);
      const [body] = listBodiesOf(doc);
      if (!body) throw new Error(`no list body in ${fixture}`);
      const template = [...body.children].map((el) => el.cloneNode(true) as Element);
      const pick = () => body.children[random(body.children.length)] as Element | undefined;
      const anyIn = (el: Element | undefined, css: string) => {
        const found = el ? [...el.querySelectorAll(css)] : [];
        return found[random(found.length || 1)];
      };
      const element = (html: string, context = 'div') => {
        const box = doc.createElement(context);
        box.innerHTML = html;
        return box.firstElementChild as Element;
      };
      const changes: ((n: number) => void)[] = [
        (n) => { const copy = template[random(template.length)]!.cloneNode(true) as Element; copy.querySelector('[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', `18ca${String(n).padStart(12, '0')}`); pick()?.before(copy); },
        () => pick()?.remove(),
        () => { const el = pick(); el?.replaceWith(el.cloneNode(true)); },
        () => { const el = pick(); if (el) body.append(el); },
        (n) => anyIn(pick(), '[email]')?.setAttribute('email', ['', 'not an address', `P${n % 5}@Client.example`, ` p${n % 3}@client.example `][n % 4]!),
        (n) => anyIn(pick(), '[email]')?.setAttribute('name', ['', '  Ana \n Lestari ', `p${n % 5}@client.example`, 'Budi'][n % 4]!),
        (n) => anyIn(pick(), '[email]')?.removeAttribute(n % 2 ? 'name' : 'email'),
        (n) => anyIn(pick(), '[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', ['undefined', '', ' ', `#18cb${n}`][n % 4]!),
        () => anyIn(pick(), '[data-legacy-thread-id]')?.removeAttribute('data-legacy-thread-id'),
        // The row itself carrying an id, empty or not (the row is looked at before what it holds).
        (n) => pick()?.setAttribute('data-legacy-thread-id', n % 3 === 0 ? 'undefined' : `18cc${n}`),
        // Senders in more than one place of a row, or only in a later fallback's place.
        () => { const cell = anyIn(pick(), 'div.yW'); cell?.append(element('<span email="late@client.example" name="Late">Late</span>')); },
        () => { const row = pick(); row?.querySelectorAll('div.yW').forEach((el) => el.replaceWith(...el.childNodes)); },
        // Elements a query of the body finds that no row holds: straight in the body.
        (n) => pick()?.before(n % 2
          ? element('<span email="loose@client.example" data-legacy-thread-id="18cd0000000000ff">loose</span>')
          : element('<tr><td><div class="yW"><span email="x@client.example">x</span></div></td></tr>', 'tbody')),
        // The whole table inside an element the sender selector names as an ancestor.
        () => {
          const table = body.closest('table');
          if (!table || table.parentElement?.matches('div.yW')) return;
          const wrap = element('<div class="yW"></div>');
          table.replaceWith(wrap);
          wrap.append(table);
        },
        () => body.replaceChildren(...[...body.children].map((el) => el.cloneNode(true))),
        () => body.replaceChildren(...template.map((el) => el.cloneNode(true))),
      ];
      for (let step = 0; step < 50; step++) {
        for (let k = random(3); k >= 0; k--) changes[random(changes.length)]!(step * 10 + k);
        expectSame(doc, [body], `${fixture}, step ${step}`);
      }
    }
  }, 30_000);

  it('counts a child of the body as its own id holder, never as its own sender', () => {
    const doc = load(F.inboxTabs);
    const [body] = listBodiesOf(doc);
    const table = body!.closest('table')!;
    // Inside a div.yW, a span straight in the body matches the senders' selector itself.
    const wrap = doc.createElement('div');
    wrap.className = 'yW';
    table.replaceWith(wrap);
    wrap.append(table);
    forget();
    const loose = doc.createElement('span');
    loose.setAttribute('email', 'loose@client.example');
    loose.setAttribute('data-legacy-thread-id', '18cd0000000000ff');
    body!.firstElementChild!.after(loose);
    body!.firstElementChild!.removeAttribute('data-legacy-thread-id');
    body!.firstElementChild!.querySelectorAll('[data-legacy-thread-id]').forEach((el) => el.setAttribute('data-legacy-thread-id', 'undefined'));
    const rows = expectSame(doc, [body!], 'loose span');
    // The span belongs to the first conversation: its id counts, it is no sender of its own.
    expect(rows[0]!.group).toContain(loose);
    expect(rows[0]!.threadId).toBe('18cd0000000000ff');
    expect(rows[0]!.senders.map((s) => s.el)).not.toContain(loose);
  });

  it('reads row by row when the body cannot be queried', () => {
    const doc = load(F.inboxTabs);
    const bodies = listBodiesOf(doc);
    forget();
    const expected = createListRows(readRowGroup, Number.POSITIVE_INFINITY).reset(bodies);
    for (const body of bodies) Object.defineProperty(body, 'querySelectorAll', { value: () => { throw new Error('hostile'); } });
    const read = createListRows(readRowGroup, 1).reset(bodies);
    expect(read.map((r) => r.key)).toEqual(expected.map((r) => r.key));
    expect(read.flatMap((r) => r.senders.map((s) => s.el))).toEqual(expected.flatMap((r) => r.senders.map((s) => s.el)));
  });

  it('reads a re-rendered list from one query per body, and a few new rows each on their own', () => {
    const doc = load(F.inboxTabs);
    const [body] = listBodiesOf(doc);
    const row = body!.firstElementChild!;
    while (body!.children.length < 20) body!.append(row.cloneNode(true));
    const rows = createListRows(readRowGroup, 8);
    forget();
    rows.reset([body!]);
    const queries = { body: 0 };
    const own = body!.querySelectorAll.bind(body!);
    Object.defineProperty(body!, 'querySelectorAll', { value: (css: string) => { queries.body++; return own(css); } });
    body!.replaceChildren(...[...body!.children].map((el) => el.cloneNode(true)));
    forget();
    expect(rows.update([], [body!]).read).toHaveLength(20);
    expect(queries.body).toBe(2);
    body!.prepend(row.cloneNode(true), row.cloneNode(true));
    forget();
    expect(rows.update([], [body!]).read).toHaveLength(2);
    expect(queries.body).toBe(2);
  });
});
