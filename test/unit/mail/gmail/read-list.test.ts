import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES } from '../../../../lib/mail/gmail/fixtures';
import { createListRows, readRowGroup, readRowGroupByEntries, type RowRead } from '../../../../lib/mail/gmail/list-rows';
import { readListRows } from '../../../../lib/mail/gmail/read-list';
import { listBodiesOf } from '../../../../lib/mail/gmail/scope';
import { asDocument } from './dom-types';
import { EXPECTED_LISTS } from './expected-lists';
import { OURS, openFixture } from './fixture-dom';

const windows: ReturnType<typeof openFixture>[] = [];
const load = (name: string) => {
  const window = openFixture(name);
  windows.push(window);
  return asDocument(window.document);
};
afterAll(() => windows.forEach((w) => w.close()));

describe('readListRows over every fixture', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(EXPECTED_LISTS).sort()).toEqual(Object.values(GMAIL_FIXTURES).sort());
  });

  it.each(Object.entries(EXPECTED_LISTS))('%s', (name, expected) => {
    expect(readListRows(load(name), OURS)).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED_LISTS).filter(([, r]) => r.ok))('%s reads the same from its list body alone', (name, expected) => {
    const bodies = listBodiesOf(load(name));
    expect(bodies).toHaveLength(1);
    expect(readListRows(bodies[0]!, OURS)).toEqual(expected);
  });
});

describe('readListRows edge cases', () => {
  it('answers an empty list for an empty inbox', () => {
    const doc = load(GMAIL_FIXTURES.inboxTabs);
    doc.querySelectorAll('tr.zA').forEach((tr) => tr.remove());
    expect(readListRows(doc, OURS)).toEqual({ ok: true, value: [] });
  });

  it('is not-recognised when the body has rows but none with a known row marker', () => {
    const doc = load(GMAIL_FIXTURES.inboxTabs);
    doc.querySelectorAll('tr.zA').forEach((tr) => tr.classList.remove('zA'));
    expect(readListRows(doc, OURS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['listRow'] });
  });

  it.each([
    ['no row carries a thread id', ['data-legacy-thread-id', 'data-thread-id'], ['rowThreadId']],
    ['no row carries a sender address', ['email'], ['rowSender']],
  ])('is not-recognised when %s', (_label, attrs, failed) => {
    const doc = load(GMAIL_FIXTURES.search);
    for (const attr of attrs) doc.querySelectorAll(`[${attr}]`).forEach((el) => el.removeAttribute(attr));
    expect(readListRows(doc, OURS)).toEqual({ ok: false, reason: 'not-recognised', failed });
  });

  it('does not count the tables of a thread open in the reading pane as list bodies', () => {
    expect(listBodiesOf(load(GMAIL_FIXTURES.readingPane)).map((b) => b.parentElement?.id)).toEqual([':5f']);
  });

  it('never throws on a hostile root', () => {
    const root = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } };
    expect(readListRows(root as unknown as ParentNode, OURS).ok).toBe(false);
  });
});

describe('reading a row in one walk', () => {
  /** Every conversation of the fixture's list bodies, read both ways. */
  const bothWays = (bodies: readonly Element[]) => {
    const pairs: [RowRead, RowRead][] = [];
    createListRows((row, group) => {
      const fast = readRowGroup(row, group);
      pairs.push([fast, readRowGroupByEntries(row, group)]);
      return fast;
    }).reset(bodies);
    return pairs;
  };
  const strip = ({ threadId, senders, key }: RowRead) => ({ threadId, key, senders: senders.map((s) => ({ el: s.el, person: s.person })) });

  it.each(Object.keys(EXPECTED_LISTS))('%s: reads every row as the selector entries do one by one', (name) => {
    for (const [fast, slow] of bothWays(listBodiesOf(load(name)))) expect(strip(fast)).toEqual(strip(slow));
  });

  it('agrees with them on rows the page changed in odd ways (random, seeded)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const doc = load('inbox-default-tabs.html');
    const body = listBodiesOf(doc)[0]!;
    const mutations: ((row: Element) => void)[] = [
      // a placeholder id before the real one
      (row) => row.querySelector('[data-legacy-thread-id]')?.before(Object.assign(doc.createElement('span'), { className: 'x' })),
      (row) => {
        const span = doc.createElement('span');
        span.setAttribute('data-legacy-thread-id', 'undefined');
        row.querySelector('td')?.prepend(span);
      },
      // the id on a sender's element
      (row) => row.querySelector('div.yW span[email]')?.setAttribute('data-legacy-thread-id', `#thread-f:${Math.floor(random() * 1e6)}`),
      // no id of the first kind, one of the second
      (row) => row.querySelectorAll('[data-legacy-thread-id]').forEach((el) => { el.setAttribute('data-thread-id', el.getAttribute('data-legacy-thread-id') ?? ''); el.removeAttribute('data-legacy-thread-id'); }),
      // senders no longer in div.yW
      (row) => row.querySelectorAll('div.yW').forEach((el) => el.classList.replace('yW', 'yW2')),
      // a sender without an address, or with a blank one
      (row) => row.querySelector('div.yW span[email]')?.setAttribute('email', random() < 0.5 ? '' : 'not an address'),
      // the id on the row itself
      (row) => row.setAttribute('data-legacy-thread-id', random() < 0.5 ? 'undefined' : `18c${Math.floor(random() * 1e9)}`),
      (row) => row.querySelectorAll('[email]').forEach((el) => el.remove()),
    ];
    for (let round = 0; round < 30; round++) {
      for (const row of body.children) if (random() < 0.3) mutations[Math.floor(random() * mutations.length)]!(row);
      const pairs = bothWays([body]);
      expect(pairs.length).toBeGreaterThan(0);
      for (const [fast, slow] of pairs) expect(strip(fast)).toEqual(strip(slow));
    }
  });
});
