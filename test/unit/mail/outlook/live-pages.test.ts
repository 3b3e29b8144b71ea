import { afterEach, describe, expect, it } from 'vitest';
import { outlookBannerSpot, outlookMessagesText } from '../../../../lib/mail/outlook/anchors';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { readPaneSetting } from '../../../../lib/mail/outlook/layout';
import { readOwnAddresses } from '../../../../lib/mail/outlook/read-account';
import { readListRows } from '../../../../lib/mail/outlook/read-list';
import { readThread } from '../../../../lib/mail/outlook/read-thread';
import { parseOutlookUrl } from '../../../../lib/mail/outlook/routes';
import { fixtureHtml, fixtureMeasure, openFixture, type FixturePage } from './fixture-page';
import { CONV, P } from './people.fixture';

/**
 * The pages modelled on live Outlook (test/fixtures/outlook/README.md): the sender is a
 * persona-card target whose text is "Name<address>", To and Cc share one recipient well, the date
 * is SentReceivedSavedTime, the list's MessageList marker is on a wrapper, and the signed-in
 * address is in the account button's label (2025) or the mailbox node's id (2024), never in the
 * folder tree's top node, which is titled "Folders".
 */
let page: FixturePage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const LIVE_ME = { name: 'Me Sales', email: 'me.sales@hotmail.example' };
const SENT_ITEM = 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAM8tVn3xQ0dPl6kE2wRzY4c=';
const LIVE_URL = `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(CONV.dewi)}`;
const OFFICE_URL = `https://outlook.office.com/mail/sentitems/id/${encodeURIComponent(SENT_ITEM)}`;

/** Opens a page and reads its thread with the own addresses the page itself gives. */
function readLive(fixture: string, url: string, html?: string) {
  page = openFixture(fixture, url);
  if (html !== undefined) page.doc.documentElement.innerHTML = html;
  const ownAddresses = readOwnAddresses(page.doc, parseOutlookUrl(url));
  const opts = { ownAddresses, companyDomains: [], url };
  return { doc: page.doc, ownAddresses, thread: readThread(page.doc, opts), list: readListRows(page.doc, opts) };
}

describe('live Outlook of 2025: a conversation on outlook.live.com', () => {
  it('takes the signed-in address from the account button, not from the folder tree', () => {
    expect(readLive(F.live2025, LIVE_URL).ownAddresses).toEqual([LIVE_ME.email]);
  });

  it('reads every message: sender from the persona target, To and Cc from the recipient well, the date as written', () => {
    const { thread } = readLive(F.live2025, LIVE_URL);
    expect(thread).toEqual({
      ok: true,
      value: {
        site: 'outlook',
        threadId: CONV.dewi,
        subject: 'Re: Quarterly invoice 2026-Q4',
        messages: [
          { from: P.dewi, to: [], cc: [], expanded: false, sentText: ['Mon 11/16/2026 9:02 AM'] },
          { from: LIVE_ME, to: [P.dewi], cc: [], expanded: true, sentText: ['Tue 11/17/2026 4:30 PM'] },
          { from: P.dewi, to: [{ name: '', email: LIVE_ME.email }], cc: [P.budi], expanded: true, sentText: ['Mon 11/23/2026 10:42 AM'] },
        ],
        // The user is in From and To, and is left out by the address the page gives.
        participants: [P.dewi, P.budi],
        nameOnly: [],
      },
    });
  });

  it('badges the list from the rows inside the MessageList wrapper, leaving the user out', () => {
    const { list } = readLive(F.live2025, LIVE_URL);
    expect(list).toEqual({
      ok: true,
      value: [
        { threadId: CONV.dewi, senders: [P.dewi], selected: true },
        { threadId: CONV.sergei, senders: [P.sergei], selected: false },
        { threadId: CONV.andrei, senders: [P.andrei], selected: false },
        { threadId: CONV.budi, senders: [P.budi], selected: false },
      ],
    });
  });

  it('reads the same in another UI language: no label word is read', () => {
    const russian = fixtureHtml(F.live2025)
      .replaceAll('aria-label="From: ', 'aria-label="От: ')
      .replaceAll('>To:<', '>Кому:<')
      .replaceAll('>Cc:<', '>Копия:<')
      .replace(/<html[^>]*>|<\/html>|<!DOCTYPE html>/g, '');
    expect(russian).not.toContain('From: ');
    const english = readLive(F.live2025, LIVE_URL).thread;
    page?.close();
    expect(readLive(F.live2025, LIVE_URL, russian).thread).toEqual(english);
  });

  it('places the banner before the messages and gives the expanded messages\' text', () => {
    const { doc } = readLive(F.live2025, LIVE_URL);
    const spot = outlookBannerSpot(doc);
    expect(spot?.querySelectorAll('[data-testid="SentReceivedSavedTime"]')).toHaveLength(3);
    const text = outlookMessagesText(doc);
    expect(text).toContain('the amount on line 4 looks wrong');
    expect(text).toContain('the corrected invoice is attached');
    expect(readPaneSetting(doc, fixtureMeasure)).toBe('right');
  });

  it('reads a sender shown by name only through the aria-label after its colon', () => {
    page = openFixture(F.live2025, LIVE_URL);
    const [, , last] = Array.from(page.doc.querySelectorAll('[data-app-section="ConversationContainer"] > div > div'));
    const target = last?.querySelector('[aria-label^="From: "]');
    target?.replaceChildren();
    const read = readThread(page.doc, { ownAddresses: [LIVE_ME.email], companyDomains: [], url: LIVE_URL });
    expect(read.ok && read.value.messages[2]?.from).toEqual({ name: 'Dewi Lestari', email: null, addressUncertain: true });
  });

  it('a recipient well whose people are not recognised makes the read not-recognised, not partial', () => {
    page = openFixture(F.live2025, LIVE_URL);
    for (const el of Array.from(page.doc.querySelectorAll('[data-testid="RecipientWell"] .lpcCommonWeb-hoverTarget'))) {
      el.replaceWith(page.doc.createTextNode(el.textContent ?? ''));
    }
    expect(readThread(page.doc, { ownAddresses: [], companyDomains: [], url: LIVE_URL })).toEqual({ ok: false, reason: 'not-recognised', failed: ['persona'] });
  });
});

describe('live Outlook of 2024: one item in the reading pane of outlook.office.com', () => {
  it('takes the signed-in address from the mailbox node\'s id', () => {
    expect(readLive(F.office2024, OFFICE_URL).ownAddresses).toEqual([P.me.email]);
  });

  it.each([
    [F.office2024, [P.sergei], [P.tomasz]],
    [F.office2024Cc, [P.tomasz], [P.sergei]],
  ])('%s: tells To from Cc by the well\'s order, and finds the client in either', (fixture, to, cc) => {
    const { thread } = readLive(fixture, OFFICE_URL);
    expect(thread).toEqual({
      ok: true,
      value: {
        site: 'outlook',
        threadId: SENT_ITEM,
        subject: 'Тариф на 2027 год: наши вопросы',
        // The picture's target (no text) comes first; the one showing an address is the sender.
        messages: [{ from: P.me, to, cc, expanded: true, sentText: ['Tue 11/17/2026 11:05 AM'] }],
        // Without company domains only the user's own address is left out, in order of appearance.
        participants: [...to, ...cc],
        nameOnly: [],
      },
    });
  });

  it('leaves the company out when its domain is given, so only the client remains', () => {
    page = openFixture(F.office2024Cc, OFFICE_URL);
    const read = readThread(page.doc, { ownAddresses: readOwnAddresses(page.doc, null), companyDomains: ['ourcompany.example'], url: OFFICE_URL });
    expect(read.ok && read.value.participants).toEqual([P.sergei]);
  });

  it('places the banner inside the item and reads its body', () => {
    const { doc } = readLive(F.office2024, OFFICE_URL);
    expect(outlookBannerSpot(doc)?.closest('#ItemReadingPaneContainer')).not.toBeNull();
    expect(outlookMessagesText(doc)).toContain('winter surcharge');
  });
});
