import { afterEach, describe, expect, it } from 'vitest';
import { readPaneSetting } from '../../../../lib/mail/outlook/layout';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { readingPaneOf } from '../../../../lib/mail/outlook/scope';
import { FIXTURE_CASES } from './fixture-cases';
import { fixtureMeasure, openFixture, type FixturePage } from './fixture-page';
import { OPTS } from './people.fixture';

let page: FixturePage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});
const open = (fixture: string, url: string) => (page = openFixture(fixture, url));

describe('Outlook readers over every fixture page', () => {
  it.each(FIXTURE_CASES)('readThread: $fixture', ({ fixture, url, thread }) => {
    const { doc } = open(fixture, url);
    expect(readThread(doc, { ...OPTS, url })).toEqual(thread);
  });

  it.each(FIXTURE_CASES)('readThread from the pane gives the same answer: $fixture', ({ fixture, url, thread }) => {
    const { doc } = open(fixture, url);
    const pane = readingPaneOf(doc);
    if (!pane) return expect(thread.ok).toBe(false);
    expect(readThread(pane, { ...OPTS, url })).toEqual(thread);
  });

  it.each(FIXTURE_CASES)('readListRows: $fixture', ({ fixture, url, list }) => {
    const { doc } = open(fixture, url);
    expect(readListRows(doc, OPTS)).toEqual(list);
  });

  it.each(FIXTURE_CASES)('readPaneSetting: $fixture', ({ fixture, url, pane }) => {
    const { doc } = open(fixture, url);
    expect(readPaneSetting(doc, fixtureMeasure)).toBe(pane);
  });
});

describe('Outlook readers, edge cases', () => {
  it('takes the URL document when no url option is given', () => {
    const { fixture, url, thread } = FIXTURE_CASES.find((c) => c.fixture === 'deeplink-read.html')!;
    const { doc } = open(fixture, url);
    expect(readThread(doc, OPTS)).toEqual(thread);
  });

  it('without a selected row, the URL names the conversation before the pane does', () => {
    const { doc } = open('reading-full-page.html', 'https://outlook.office.com/mail/archive/id/AAQkOTHER%2Fid%3D');
    const read = readThread(doc, OPTS);
    expect(read.ok && read.value.threadId).toBe('AAQkOTHER/id=');
  });

  it('without a selected row or an id in the URL, the subject heading names the conversation', () => {
    const { doc } = open('reading-full-page.html', 'https://outlook.office.com/mail/');
    const read = readThread(doc, OPTS);
    expect(read.ok && read.value.threadId).toBe('AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAHc8sWmF+0JCl7RxT4mZq2I=');
  });

  it('a recipient line whose people are not recognised makes the read not-recognised, not partial', () => {
    const { doc } = open('inbox-pane-right.html', 'https://outlook.office.com/mail/');
    for (const el of Array.from(doc.querySelectorAll('[id$="_TO"] .lpc-hoverTarget'))) el.replaceWith(doc.createTextNode(el.textContent ?? ''));
    expect(readThread(doc, OPTS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['persona'] });
  });

  it('a pane whose messages lost their sender blocks is not-recognised', () => {
    const { doc } = open('inbox-pane-right.html', 'https://outlook.office.com/mail/');
    doc.querySelectorAll('[id$="_FROM"]').forEach((el) => el.removeAttribute('id'));
    expect(readThread(doc, OPTS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['messageSender'] });
  });

  it('an empty reading pane (nothing selected) is not-recognised, naming the conversation', () => {
    const { doc } = open('inbox-pane-right.html', 'https://outlook.office.com/mail/inbox');
    doc.querySelector('#ReadingPaneContainerId')!.replaceChildren();
    expect(readThread(doc, OPTS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['conversation'] });
  });

  it('finds the list by structure alone when its id and data-app-section are gone', () => {
    const { fixture, url, list } = FIXTURE_CASES[0]!;
    const { doc } = open(fixture, url);
    doc.querySelector('[role="listbox"]')!.removeAttribute('data-app-section');
    doc.querySelector('#MailList')!.removeAttribute('id');
    expect(readListRows(doc, OPTS)).toEqual(list);
  });

  it('finds the pane by its role alone when Outlook\'s ids and data-app-section are gone', () => {
    const { fixture, url, thread } = FIXTURE_CASES[0]!;
    const { doc } = open(fixture, url);
    const pane = doc.querySelector('#ReadingPaneContainerId')!;
    pane.removeAttribute('id');
    pane.removeAttribute('data-app-section');
    expect(readThread(doc, { ...OPTS, url })).toEqual(thread);
  });

  it('an empty folder is an empty list, not an unknown layout', () => {
    const { doc } = open('inbox-pane-right.html', 'https://outlook.office.com/mail/inbox');
    doc.querySelectorAll('[role="option"]').forEach((row) => row.remove());
    expect(readListRows(doc, OPTS)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['a detached element', () => open('inbox-pane-right.html', 'https://outlook.office.com/mail/').doc.createElement('div')],
    ['an empty fragment', () => open('inbox-pane-right.html', 'https://outlook.office.com/mail/').doc.createDocumentFragment()],
  ])('never throws on %s', (_label, make) => {
    const root = make();
    expect(readThread(root, OPTS).ok).toBe(false);
    expect(readListRows(root, OPTS).ok).toBe(false);
    expect(readPaneSetting(root, fixtureMeasure)).toBeNull();
  });

  it('never throws when the DOM itself throws', () => {
    const hostile = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(readThread(hostile, OPTS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['readingPane'] });
    expect(readListRows(hostile, OPTS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['messageList'] });
    expect(readPaneSetting(hostile)).toBeNull();
  });
});
