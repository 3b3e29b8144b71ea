import { afterEach, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { readOwnAddresses, readOwnName } from '../../../../lib/mail/outlook/read-account';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { parseOutlookUrl } from '../../../../lib/mail/outlook/routes';
import { OUTLOOK_SELECTORS, type OutlookSelectorEntry } from '../../../../lib/mail/outlook/selectors';
import { firstSentDate } from '../../../../lib/mail/sent-date';
import { openFixture, type FixturePage } from './fixture-page';

/**
 * The pages cut down from a real outlook.live.com page of 2025 (test/fixtures/outlook/README.md,
 * "Captured pages"): what the readers make of the structure the live site really has.
 */
let page: FixturePage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const ME = { name: 'Me Sales', email: 'me.sales@hotmail.example' };
const DEWI = { name: 'Dewi Lestari', email: 'dewi.lestari@bank-sinar.co.id' };
const SERGEI = { name: 'Сергей Петровский', email: 's.petrovsky@petrovsky-logistics.ru' };
const TOMASZ = { name: 'Tomasz Nowak', email: 'tomasz.nowak@ourcompany.example' };
const OPEN = 'AQQkADAwATM2MDAAMS1iNDdhLTVjMjMtMDACLTAwCgAQAEu7Xq2fT0hKmZc4aR1sVn8=';
const OTHER = 'AQQkADAwATM2MDAAMS1iNDdhLTVjMjMtMDACLTAwCgAQAJ3mTc8vR0VGpkYz2Lw9Hx4=';
const URL = `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(OPEN)}`;
const SENT = 'Wed 4/30/2025 3:03 PM';

function read(fixture: string) {
  page = openFixture(fixture, URL);
  const ownAddresses = readOwnAddresses(page.doc, parseOutlookUrl(URL));
  const opts = { ownAddresses, companyDomains: ['ourcompany.example'], url: URL };
  return { doc: page.doc, ownAddresses, thread: readThread(page.doc, opts), list: readListRows(page.doc, opts) };
}

describe('captured Outlook on the web (outlook.live.com, 2025)', () => {
  it('finds the signed-in address only in the app rail: the account label names the user, the mailbox node id is no address', () => {
    const { ownAddresses, doc } = read(F.capture2025);
    expect(ownAddresses).toEqual([ME.email]);
    expect(readOwnName(doc)).toBe(ME.name);
  });

  it('reads the client in From, the date as written, and leaves the user (To, by name only) out', () => {
    const { thread } = read(F.capture2025);
    expect(thread).toEqual({
      ok: true,
      value: {
        site: 'outlook',
        threadId: OPEN,
        subject: 'Delivery schedule for March',
        messages: [{ from: DEWI, to: [{ name: ME.name, email: null, addressUncertain: true }], cc: [], expanded: true, sentText: [SENT] }],
        participants: [DEWI],
        nameOnly: [],
      },
    });
  });

  it.each([
    { fixture: F.capture2025To, to: [DEWI.email, ME.name], cc: [], client: DEWI },
    { fixture: F.capture2025Cc, to: [ME.name], cc: [SERGEI.email], client: SERGEI },
  ])('a colleague writes and the client is only a recipient ($fixture)', ({ fixture, to, cc, client }) => {
    const { thread } = read(fixture);
    if (!thread.ok) throw new Error(`not recognised: ${thread.failed.join(', ')}`);
    const [message] = thread.value.messages;
    expect(message?.from).toEqual(TOMASZ);
    expect(message?.to.map((p) => p.email ?? p.name)).toEqual(to);
    expect(message?.cc.map((p) => p.email ?? p.name)).toEqual(cc);
    expect(thread.value.participants).toEqual([{ name: '', email: client.email }]);
    expect(thread.value.nameOnly).toEqual([]);
  });

  it('reads both list rows with their senders, the open one selected', () => {
    const { list } = read(F.capture2025);
    expect(list).toEqual({
      ok: true,
      value: [
        { threadId: OPEN, senders: [DEWI], selected: true },
        { threadId: OTHER, senders: [SERGEI], selected: false },
      ],
    });
  });

  it('parses the sent date the page writes', () => {
    const { thread } = read(F.capture2025);
    const text = thread.ok ? thread.value.messages[0]?.sentText ?? [] : [];
    const parsed = firstSentDate(text, { now: new Date('2025-05-03T12:00:00Z'), timeZone: 'UTC' });
    expect(parsed?.toISOString()).toBe('2025-04-30T15:03:00.000Z');
  });
});

describe('the selector table and the captured pages', () => {
  const seen = (Object.values(OUTLOOK_SELECTORS) as OutlookSelectorEntry[]).flatMap((entry) =>
    entry.fallbacks.flatMap((f, i) => (f.seenIn ?? []).map((capture) => ({ name: entry.name, i, css: f.css, seen: f.seen, capture }))));

  it('names some fallbacks as seen in a capture', () => expect(seen.length).toBeGreaterThan(10));

  it.each(seen)('$name fallback $i ($css) is on $capture, as it says', ({ css, seen: kind, capture }) => {
    expect(kind).toBe('live');
    page = openFixture(capture, URL);
    expect(page.doc.querySelectorAll(css).length).toBeGreaterThan(0);
  });
});
