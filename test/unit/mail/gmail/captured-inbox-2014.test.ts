import { afterAll, describe, expect, it } from 'vitest';
import { readListRows } from '../../../../lib/mail/gmail/read-list';
import { GMAIL_SELECTORS as S } from '../../../../lib/mail/gmail/selectors';
import { asDocument } from './dom-types';
import { OURS, openFixture } from './fixture-dom';

/**
 * A real Gmail inbox of December 2014, cut down and anonymised (test/fixtures/gmail/README.md,
 * "Captured page"). Its rows have the structure the readers look for, but that build kept thread
 * ids out of the DOM (in the page's data script), so the list cannot be tied to threads: the
 * reader must say so, not guess.
 */
const window = openFixture('capture-inbox-2014.html');
const doc = asDocument(window.document);
afterAll(() => window.close());

const count = (css: string) => doc.querySelectorAll(css).length;

describe('captured Gmail inbox (2014)', () => {
  it.each([
    [S.listBody.name, '[gh="tl"] table.F > tbody', 1],
    [S.listRow.name, 'tr.zA', 6],
    [S.rowSender.name, 'div.yW span[email]', 6],
    [S.rowSender.name, 'td.yX [email]', 11],
  ])('%s: %s is on the page (%i)', (name, css, n) => {
    const entry = Object.values(S).find((e) => e.name === name);
    expect(entry?.fallbacks.map((f) => f.css)).toContain(css);
    expect(count(css)).toBe(n);
  });

  it('has rows without any thread id, and the list reader answers not-recognised naming that', () => {
    expect(count('[data-legacy-thread-id], [data-thread-id]')).toBe(0);
    expect(readListRows(doc, OURS)).toEqual({ ok: false, reason: 'not-recognised', failed: [S.rowThreadId.name] });
  });

  it('shows its senders as email attributes, the user among them', () => {
    const senders = [...doc.querySelectorAll('div.yW span[email]')].map((el) => el.getAttribute('email'));
    expect(senders).toEqual([
      'me@ourcompany.example',
      'me@ourcompany.example',
      'news@harimau-foods.com.my',
      'news@harimau-foods.com.my',
      'no-reply@bank-sinar.co.id',
      'news@harimau-foods.com.my',
    ]);
  });
});
