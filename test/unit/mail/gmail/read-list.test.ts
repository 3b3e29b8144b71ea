import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES } from '../../../../lib/mail/gmail/fixtures';
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
