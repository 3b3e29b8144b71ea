import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';
import { readThread } from '../../../../lib/mail/gmail/read-thread';
import { asDocument } from './dom-types';
import { OURS, openFixture } from './fixture-dom';

const windows: ReturnType<typeof openFixture>[] = [];
const load = (name: string) => {
  const window = openFixture(name);
  windows.push(window);
  return asDocument(window.document);
};
afterAll(() => windows.forEach((w) => w.close()));

/**
 * The date element as Gmail draws it (span.g3: the full date in its title, a shorter or longer
 * text beside it, e.g. "26 дек. 2019 г., 22:53 (8 дней назад)" under a title without the
 * relative part); the thread keeps the page's own words, title first, for lib/mail/sent-date.ts.
 */
describe('Gmail messages carry the page\'s date text', () => {
  it('keeps the title first and the text after it when they differ', () => {
    const doc = load(F.russian);
    const dates = Array.from(doc.querySelectorAll('span.g3'));
    const last = dates[dates.length - 1]!;
    last.textContent = '10:05 (3 часа назад)';
    const read = readThread(doc, OURS);
    expect(read.ok && read.value.messages.at(-1)?.sentText).toEqual(['пн, 23 нояб. 2026 г., 10:05', '10:05 (3 часа назад)']);
  });

  it('takes the text alone when the element has no title, and nothing when there is no date', () => {
    const doc = load(F.threadSingle);
    const date = doc.querySelector('span.g3')!;
    date.removeAttribute('title');
    let read = readThread(doc, OURS);
    expect(read.ok && read.value.messages[0]?.sentText).toEqual(['Thu, Nov 19, 2026, 11:40 AM']);
    date.remove();
    read = readThread(doc, OURS);
    expect(read.ok && read.value.messages[0]?.sentText).toEqual([]);
  });
});
