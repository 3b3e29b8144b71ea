import { afterEach, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { rowSendersOf, rowThreadId } from '../../../../lib/mail/outlook/row-senders';
import { openFixture, type FixturePage } from './fixture-page';
import { CONV, P } from './people.fixture';

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; });

const rowOf = (doc: Document, convId: string) => doc.querySelector(`[role="option"][data-convid="${convId}"]`)!;

describe('rowSendersOf', () => {
  it.each([
    [CONV.dewi, [P.dewi]],
    // Both senders, the user included: which of them count is the caller's choice.
    [CONV.andrei, [P.andrei, P.me]],
    [CONV.budi, [P.budi, P.dewi]],
    // The subject's tooltip mentions an address, but it is not a sender.
    [CONV.nurul, [P.nurul]],
  ])('%s', (convId, people) => {
    page = openFixture(F.paneRight);
    const senders = rowSendersOf(rowOf(page.doc, convId));
    expect(senders.map((s) => s.person)).toEqual(people);
    // Each element is the one showing that person: its tooltip is their address.
    for (const { el, person } of senders) expect(el.getAttribute('title')).toBe(person.email);
  });
});

describe('rowSendersOf with our badge in the row', () => {
  it('does not take the badge for a sender, though its tooltip (the account\'s name) holds an @', () => {
    page = openFixture(F.paneRight);
    const row = rowOf(page.doc, CONV.dewi);
    const sender = row.querySelector('span[title*="@"]')!;
    const badge = page.doc.createElement('span');
    badge.setAttribute('data-crm-overlay', 'badge');
    badge.setAttribute('title', 'ops@sinar.example: At risk. No active owner');
    sender.before(badge);
    expect(rowSendersOf(row).map((s) => s.person)).toEqual([P.dewi]);
  });
});

describe('rowThreadId', () => {
  it('reads data-convid, or the id of a row without one (the older build)', () => {
    page = openFixture(F.romanian);
    const ids = Array.from(page.doc.querySelectorAll('[role="option"]')).map(rowThreadId);
    expect(ids).toEqual(['a', 'b', 'c'].map((s) => `AQMkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgBGAAAD1${s}`));
  });

  it('answers null for an element that is no row', () => {
    page = openFixture(F.paneRight);
    expect(rowThreadId(page.doc.body)).toBeNull();
  });
});
