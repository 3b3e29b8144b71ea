import { afterEach, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';
import { readListRows } from '../../../../lib/mail/gmail/read-list';
import { OURS } from './fixture-dom';
import { startWatching } from './watch-harness';

let open: ReturnType<typeof startWatching>[] = [];
afterEach(() => { open.forEach((w) => { w.controller.abort(); w.window.close(); }); open = []; });

async function watch(fixture: string) {
  const w = startWatching(fixture);
  open.push(w);
  await w.runFrames();
  w.resetCounts();
  return w;
}

type Watching = Awaited<ReturnType<typeof watch>>;
const bodyOf = (w: Watching) => w.doc.querySelector('[gh="tl"] tbody')!;
const rowsOf = (w: Watching) => [...w.doc.querySelectorAll('tr.zA')];
/** What a read of the whole page answers now. */
const fullRead = (w: Watching) => readListRows(w.doc, OURS);

/** A copy of the first row standing for another thread (legacy id `n`) from `email`. */
function newRow(w: Watching, n: number, email = `person${n}@client.example`): Element {
  const row = rowsOf(w)[0]!.cloneNode(true) as Element;
  row.querySelector('[data-legacy-thread-id]')!.setAttribute('data-legacy-thread-id', `18c9${String(n).padStart(12, '0')}`);
  row.querySelector('[email]')!.setAttribute('email', email);
  return row;
}

describe('watchGmail: the list is read row by row', () => {
  it('reads only the rows added, and still reports the whole list', async () => {
    const w = await watch(F.inboxTabs);
    bodyOf(w).append(newRow(w, 1), newRow(w, 2));
    bodyOf(w).prepend(newRow(w, 3));
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 0, list: 1, rows: 3 });
    expect(w.seen.list).toEqual([fullRead(w)]);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.map((r) => r.threadId)).toHaveLength(7);
    expect(w.seen.rows.at(-1)?.all).toBe(7);
  });

  it('drops removed rows without reading any', async () => {
    const w = await watch(F.inboxTabs);
    rowsOf(w)[1]!.remove();
    rowsOf(w)[2]!.remove();
    await w.runFrames();
    expect(w.reads.rows).toBe(0);
    expect(w.seen.list).toEqual([fullRead(w)]);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.map((r) => r.threadId)).toEqual(['18c3f1a2b4d5e6f7', '18c3d00000000777']);
  });

  it('reads every row Gmail replaced, and reports no change when the new rows read the same', async () => {
    const w = await watch(F.inboxTabs);
    const before = rowsOf(w);
    bodyOf(w).replaceChildren(...[...bodyOf(w).children].map((row) => row.cloneNode(true)));
    await w.runFrames();
    expect(w.reads.rows).toBe(4);
    // The new elements are handed over (for badges); the answer is the same, so onList is quiet.
    expect(w.seen.rows).toHaveLength(1);
    expect(w.seen.rows[0]?.read.map((r) => r.row)).toEqual(rowsOf(w));
    expect(w.seen.rows[0]?.read.some((r) => before.includes(r.row))).toBe(false);
    expect(w.seen.list).toEqual([]);
  });

  it('reads a row again when Gmail fills in its thread id later', async () => {
    const w = await watch(F.inboxTabs);
    const row = newRow(w, 7);
    const idHolder = row.querySelector('[data-legacy-thread-id]')!;
    idHolder.setAttribute('data-legacy-thread-id', 'undefined');
    idHolder.removeAttribute('data-thread-id');
    bodyOf(w).append(row);
    await w.runFrames();
    expect(w.seen.list).toEqual([fullRead(w)]);
    expect(fullRead(w).ok && (fullRead(w) as { value: unknown[] }).value).toHaveLength(4);
    w.resetCounts();
    idHolder.setAttribute('data-legacy-thread-id', '18c9000000000007');
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 0, list: 1, rows: 1 });
    expect(w.seen.list).toEqual([fullRead(w)]);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.at(-1)).toEqual({ threadId: '18c9000000000007', senders: [{ name: 'Ana Lestari', email: 'person7@client.example' }] });
  });

  it('does not read, nor even schedule a read, when only a date cell is re-rendered', async () => {
    const w = await watch(F.inboxTabs);
    for (const row of rowsOf(w).slice(0, 3)) {
      const cell = row.querySelector('td.xW')!;
      cell.replaceChildren(Object.assign(w.doc.createElement('span'), { textContent: '3:00 PM' }));
    }
    // Text only, as a clock ticking over would change it.
    rowsOf(w)[3]!.querySelector('td.xW span span')!.textContent = 'Nov 20';
    await w.settle();
    expect(w.frames).toHaveLength(0);
    await w.runFrames();
    expect(w.reads).toEqual({ thread: 0, list: 0, rows: 0 });
    expect(w.seen.rows).toEqual([]);
  });

  it('reads a row again when its sender changes, in an attribute or in a new element', async () => {
    const w = await watch(F.inboxTabs);
    const rows = rowsOf(w);
    rows[0]!.querySelector('[email]')!.setAttribute('email', 'rina.wijaya@bank-sinar.co.id');
    const sender = rows[2]!.querySelector('span[email]')!;
    const other = sender.cloneNode(true) as Element;
    other.setAttribute('email', 'dewi@client.example');
    other.setAttribute('name', 'Dewi');
    sender.replaceWith(other);
    await w.runFrames();
    expect(w.reads.rows).toBe(2);
    expect(w.seen.rows[0]?.read.map((r) => r.row)).toEqual([rows[0], rows[2]]);
    expect(w.seen.list).toEqual([fullRead(w)]);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.map((r) => r.senders.map((s) => s.email))).toEqual([
      ['rina.wijaya@bank-sinar.co.id'],
      ['sergey.petrovsky@petrovsky-logistics.ru', 'olga.smirnova@petrovsky-logistics.ru'],
      ['dewi@client.example'],
      [],
    ]);
  });

  it('reads a row again when the name shown for a sender changes (a sender element without a name attribute)', async () => {
    const w = await watch(F.inboxTabs);
    const row = newRow(w, 8, 'wayan@client.example');
    row.querySelector('[email]')!.removeAttribute('name');
    bodyOf(w).append(row);
    await w.runFrames();
    w.resetCounts();
    row.querySelector('[email]')!.replaceChildren('Wayan S.');
    await w.runFrames();
    expect(w.reads.rows).toBe(1);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.at(-1)?.senders).toEqual([{ name: 'Wayan S.', email: 'wayan@client.example' }]);
  });

  it('reads a row again when something of ours is taken out of it, not when it is put in', async () => {
    const w = await watch(F.inboxTabs);
    const sender = rowsOf(w)[1]!.querySelector('[email]')!;
    const ours = w.doc.createElement('span');
    ours.setAttribute('data-crm-overlay', 'badge');
    sender.before(ours);
    await w.settle();
    expect(w.frames).toHaveLength(0);
    ours.remove();
    await w.runFrames();
    expect(w.reads.rows).toBe(1);
    expect(w.seen.rows[0]?.read.map((r) => r.row)).toEqual([rowsOf(w)[1]]);
  });

  it('keeps the table rows of one conversation together (reading pane on the right)', async () => {
    const w = await watch(F.readingPane);
    const body = w.doc.querySelector('[gh="tl"] table.F > tbody')!;
    // The second table row of the first conversation holds its id: without it, no id.
    const second = rowsOf(w)[0]!.nextElementSibling!;
    second.remove();
    await w.runFrames();
    expect(w.reads.rows).toBe(1);
    expect(w.seen.list).toEqual([readListRows(w.doc, OURS)]);
    w.resetCounts();
    rowsOf(w)[0]!.after(second);
    second.querySelector('[data-legacy-thread-id]')!.setAttribute('data-legacy-thread-id', '18c4100000000099');
    await w.runFrames();
    expect(w.reads.rows).toBe(1);
    const last = w.seen.list.at(-1);
    expect(last?.ok && last.value.map((r) => r.threadId)).toEqual(['18c4100000000099', '18c4000000000202', '18c3d00000000777']);
    expect(body.contains(second)).toBe(true);
  });

  it('agrees with a read of the whole page after any sequence of changes', async () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261123;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const fixture of [F.inboxTabs, F.readingPane, F.conversationOff]) {
      const w = await watch(fixture);
      const body = w.doc.querySelector('[gh="tl"] tbody')!;
      const template = [...body.children].map((el) => el.cloneNode(true) as Element);
      const pick = () => body.children[random(body.children.length)] as Element | undefined;
      const changes: ((n: number) => void)[] = [
        (n) => { const copy = template[random(template.length)]!.cloneNode(true) as Element; copy.querySelector('[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', `18ca${String(n).padStart(12, '0')}`); pick()?.before(copy); },
        () => pick()?.remove(),
        () => { const el = pick(); el?.replaceWith(el.cloneNode(true)); },
        (n) => pick()?.querySelector('[email]')?.setAttribute('email', `p${n % 5}@client.example`),
        (n) => pick()?.querySelector('[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', n % 4 === 0 ? 'undefined' : `18cb${String(n).padStart(12, '0')}`),
        (n) => pick()?.querySelector('td.xW, td.yf')?.replaceChildren(`${n}:00`),
        () => { const cell = pick()?.querySelector('div.yW'); cell?.replaceChildren(...[...cell.children].reverse().map((el) => el.cloneNode(true))); },
        () => { const el = pick(); if (el) body.append(el); },
        () => body.replaceChildren(...[...body.children].map((el) => el.cloneNode(true))),
      ];
      // Only changes are reported, so the last report is the list as it is now.
      let reported = readListRows(w.doc, OURS);
      for (let step = 0; step < 60; step++) {
        for (let k = random(3); k >= 0; k--) changes[random(changes.length)]!(step * 10 + k);
        await w.runFrames();
        reported = w.seen.list.at(-1) ?? reported;
        expect(reported, `${fixture}, step ${step}`).toEqual(readListRows(w.doc, OURS));
        // Each report is a change.
        for (let i = 1; i < w.seen.list.length; i++) expect(w.seen.list[i]).not.toEqual(w.seen.list[i - 1]);
        w.seen.list.length = 0;
      }
    }
  });
});
