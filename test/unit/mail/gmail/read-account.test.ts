import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES } from '../../../../lib/mail/gmail/fixtures';
import { readOwnAddress } from '../../../../lib/mail/gmail/read-account';
import { asDocument } from './dom-types';
import { openFixture } from './fixture-dom';

const windows: Window[] = [];
afterAll(() => windows.forEach((w) => w.close()));

function page(html: string): Document {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/#inbox' });
  windows.push(window);
  window.document.write(html);
  return asDocument(window.document);
}

describe('readOwnAddress', () => {
  it.each(Object.values(GMAIL_FIXTURES))('%s', (name) => {
    const window = openFixture(name);
    windows.push(window);
    expect(readOwnAddress(asDocument(window.document))).toBe('me@ourcompany.example');
  });

  it.each([
    ['a Russian account label', '<header role="banner"><a aria-label="Аккаунт Google: Я (Me@OurCompany.example)"></a></header>', 'me@ourcompany.example'],
    ['only the tab title', '<title>Kotak Masuk - me@ourcompany.example - Gmail</title>', 'me@ourcompany.example'],
    ['two addresses in the label (delegated mailbox)', '<header role="banner"><a aria-label="a@x.example for b@y.example"></a></header>', null],
    ['nothing to read', '<p>loading</p>', null],
  ])('%s', (_label, html, expected) => {
    expect(readOwnAddress(page(html))).toBe(expected);
  });
});
