import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES } from '../../../../lib/mail/gmail/fixtures';
import { readThread } from '../../../../lib/mail/gmail/read-thread';
import { threadContainerOf } from '../../../../lib/mail/gmail/scope';
import { asDocument } from './dom-types';
import { EXPECTED_THREADS } from './expected-threads';
import { OURS, openFixture } from './fixture-dom';

const windows: ReturnType<typeof openFixture>[] = [];
const load = (name: string) => {
  const window = openFixture(name);
  windows.push(window);
  return asDocument(window.document);
};
afterAll(() => windows.forEach((w) => w.close()));

describe('readThread over every fixture', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(EXPECTED_THREADS).sort()).toEqual(Object.values(GMAIL_FIXTURES).sort());
  });

  it.each(Object.entries(EXPECTED_THREADS))('%s', (name, expected) => {
    expect(readThread(load(name), OURS)).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED_THREADS).filter(([, r]) => r.ok))('%s reads the same from the thread container alone', (name, expected) => {
    const container = threadContainerOf(load(name));
    expect(container).not.toBeNull();
    expect(readThread(container!, OURS)).toEqual(expected);
  });
});

describe('readThread never throws and never guesses', () => {
  it.each([
    ['a node whose querySelector throws', { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } }],
    ['an empty fragment', { querySelector: () => null, querySelectorAll: () => [] }],
  ])('%s gives not-recognised', (_label, root) => {
    const result = readThread(root as unknown as ParentNode, OURS);
    expect(result.ok).toBe(false);
  });

  it('leaves out a message whose sender is not in the page instead of inventing one', () => {
    const doc = load(GMAIL_FIXTURES.threadFive);
    doc.querySelectorAll('[role="listitem"]')[1]?.querySelector('[email]')?.removeAttribute('email');
    const result = readThread(doc, OURS);
    expect(result.ok && result.value.messages.map((m) => m.messageId)).toEqual(['18c3f1a2b4d5e6f7', '18c3f1a2b4d5e6fa', '18c3f1a2b4d5e6fb', '18c3f1a2b4d5e6f9']);
  });

  it.each([
    ['the subject heading', 'h2', ['threadSubject']],
    ['every message', '[role="listitem"]', ['messageItem']],
    ['every recipient line', 'span.hb, div.ajw', ['recipientLine']],
  ])('names what is missing when %s is gone', (_label, css, failed) => {
    const doc = load(GMAIL_FIXTURES.threadFive);
    doc.querySelectorAll(css).forEach((el) => el.remove());
    expect(readThread(doc, OURS)).toEqual({ ok: false, reason: 'not-recognised', failed });
  });

  it('is not-recognised when no message carries a known expanded or collapsed marker', () => {
    const doc = load(GMAIL_FIXTURES.threadCc);
    doc.querySelectorAll('[role="listitem"]').forEach((el) => el.classList.remove('h7', 'kv'));
    expect(readThread(doc, OURS)).toEqual({ ok: false, reason: 'not-recognised', failed: ['messageExpanded'] });
  });

  it('treats company domains given in any case as ours', () => {
    const result = readThread(load(GMAIL_FIXTURES.threadCc), { ownAddresses: [], companyDomains: ['OurCompany.Example', 'petrovsky-logistics.ru'] });
    expect(result.ok && result.value.participants).toEqual([]);
  });
});
