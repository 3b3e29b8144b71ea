import { afterEach, describe, expect, it } from 'vitest';
import { mailArea, outlookBannerSpot, outlookMessagesText } from '../../../../lib/mail/outlook/anchors';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { createListRows } from '../../../../lib/mail/outlook/list-rows';
import { messageListOf } from '../../../../lib/mail/outlook/scope';
import { openFixture, type FixturePage } from './fixture-page';
import { P } from './people.fixture';

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; });
const open = (fixture: string) => (page = openFixture(fixture)).doc;
/** The sender elements of every row of the list, as the list's row memory holds them. */
const rowSenders = (doc: Document) => {
  const rows = createListRows();
  rows.reset(messageListOf(doc));
  return rows.rows().map((row) => row.senders);
};

describe('Outlook anchors for badges, banner and body text', () => {
  it('gives each row its sender elements, in row order', () => {
    const rows = rowSenders(open(F.paneRight));
    expect(rows.map((senders) => senders.map((s) => s.person.email))).toEqual([
      [P.dewi.email], [P.sergei.email], [P.nurul.email], [P.andrei.email, P.me.email], [P.rina.email], [P.budi.email, P.dewi.email],
    ]);
    expect(rows.flat().every(({ el }) => el.closest('[role="option"]') !== null)).toBe(true);
  });

  it.each([F.fullPage, F.deeplink, F.unrecognised])('finds no rows without a list: %s', (fixture) => {
    expect(rowSenders(open(fixture))).toEqual([]);
  });

  it.each([
    [F.paneRight, '#ConversationReadingPaneContainer'],
    [F.conversation, '#ConversationReadingPaneContainer'],
    [F.romanian, '[data-app-section="MailReadCompose"]'],
  ])('puts the banner inside the pane, before the messages and after the subject: %s', (fixture, paneCss) => {
    const doc = open(fixture);
    const spot = outlookBannerSpot(doc)!;
    expect(doc.querySelector(paneCss)?.contains(spot)).toBe(true);
    expect(spot.querySelector('[role="listitem"]')).not.toBeNull();
    const subject = doc.querySelector('[role="heading"][aria-level="2"]')!;
    expect(subject.compareDocumentPosition(spot) & 4).toBe(4); // the spot follows the subject
  });

  it('puts the banner right before the single item of the deep-link read view', () => {
    const doc = open(F.deeplink);
    expect(outlookBannerSpot(doc)?.getAttribute('data-app-section')).toBe('ItemContainer');
  });

  it('has no banner spot without an open conversation', () => {
    expect(outlookBannerSpot(open(F.unrecognised))).toBeNull();
  });

  it('gives the text of expanded messages only, not of collapsed ones', () => {
    const doc = open(F.conversation);
    const text = outlookMessagesText(doc);
    const bodies = Array.from(doc.querySelectorAll('[id^="UniqueMessageBody"]'));
    expect(bodies.length).toBe(2);
    for (const body of bodies) expect(text).toContain(body.textContent!.trim().slice(0, 40));
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(2);
    // A collapsed message shows a preview line, which is not its text.
    expect(text).not.toContain('attached is our draft of the renewal terms');
    expect(outlookMessagesText(open(F.unrecognised))).toBe('');
  });
});

describe('mailArea: what makes room for the sidebar', () => {
  it.each([F.paneRight, F.paneBottom, F.romanian])('holds both the list and the pane, and is not the page itself: %s', (fixture) => {
    const doc = open(fixture);
    const area = mailArea(doc)!;
    expect(area.contains(doc.querySelector('[role="listbox"]'))).toBe(true);
    expect(area.contains(doc.querySelector('[role="main"]'))).toBe(true);
    expect([doc.body, doc.documentElement]).not.toContain(area);
  });

  it('is the pane when the list is hidden', () => {
    const doc = open(F.fullPage);
    expect(mailArea(doc)?.id).toBe('ReadingPaneContainerId');
  });

  it('is nothing on a layout it does not know', () => {
    expect(mailArea(open(F.unrecognised))).toBeNull();
  });
});
