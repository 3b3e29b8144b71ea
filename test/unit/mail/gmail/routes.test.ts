import { describe, expect, it } from 'vitest';
import { accountIndex, isCategoryTab, isListView, isSearchView, isThreadView, parseGmailUrl, type GmailRoute } from '../../../../lib/mail/gmail/routes';

const G = 'https://mail.google.com/mail/u/0/';
const token = 'FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx';

describe('parseGmailUrl', () => {
  it.each<[string, GmailRoute | null]>([
    [`${G}#inbox`, { kind: 'list', account: 0, view: 'inbox', page: 1 }],
    [`${G}`, { kind: 'list', account: 0, view: 'inbox', page: 1 }],
    [`${G}#inbox/p3`, { kind: 'list', account: 0, view: 'inbox', page: 3 }],
    [`${G}#inbox?compose=new`, { kind: 'list', account: 0, view: 'inbox', page: 1 }],
    [`${G}#category/social`, { kind: 'list', account: 0, view: 'category', argument: 'social', page: 1 }],
    [`${G}#label/Clients%2FBank+Sinar`, { kind: 'list', account: 0, view: 'label', argument: 'Clients/Bank Sinar', page: 1 }],
    [`${G}#search/invoice+2026`, { kind: 'list', account: 0, view: 'search', argument: 'invoice 2026', page: 1 }],
    [`${G}#search/from%3Aana%40bank-sinar.co.id/p2`, { kind: 'list', account: 0, view: 'search', argument: 'from:ana@bank-sinar.co.id', page: 2 }],
    [`${G}#sent`, { kind: 'list', account: 0, view: 'sent', page: 1 }],
    [`${G}#all`, { kind: 'list', account: 0, view: 'all', page: 1 }],
    [`${G}#spam`, { kind: 'list', account: 0, view: 'spam', page: 1 }],
    [`${G}#inbox/${token}`, { kind: 'thread', account: 0, view: 'inbox', threadToken: token }],
    [`${G}#inbox/18c3f1a2b4d5e6f7`, { kind: 'thread', account: 0, view: 'inbox', threadToken: '18c3f1a2b4d5e6f7' }],
    [`${G}#label/Clients%2FPetrovsky/${token}`, { kind: 'thread', account: 0, view: 'label', argument: 'Clients/Petrovsky', threadToken: token }],
    [`${G}#search/invoice/${token}`, { kind: 'thread', account: 0, view: 'search', argument: 'invoice', threadToken: token }],
    // A query that looks like a thread token is still the query: the token comes after it.
    [`${G}#search/${token}`, { kind: 'list', account: 0, view: 'search', argument: token, page: 1 }],
    [`${G}#all/${token}`, { kind: 'thread', account: 0, view: 'all', threadToken: token }],
    [`${G}#category/promotions/${token}`, { kind: 'thread', account: 0, view: 'category', argument: 'promotions', threadToken: token }],
    [`${G}#settings/general`, { kind: 'other', account: 0, view: 'settings' }],
    [`${G}#chat/home`, { kind: 'other', account: 0, view: 'chat' }],
    [`${G}#label`, { kind: 'other', account: 0, view: 'label' }],
    [`${G}#inbox/short`, { kind: 'other', account: 0, view: 'inbox' }],
    ['https://mail.google.com/mail/u/3/#inbox', { kind: 'list', account: 3, view: 'inbox', page: 1 }],
    ['https://mail.google.com/mail/#inbox', { kind: 'list', account: 0, view: 'inbox', page: 1 }],
    ['https://calendar.google.com/calendar/u/0/r', null],
    ['https://mail.google.com/chat/u/0/', null],
    ['not a url', null],
  ])('%s', (url, expected) => {
    expect(parseGmailUrl(url)).toEqual(expected);
  });
});

describe('route predicates', () => {
  it.each([
    // url, account, list, thread, category tab, search
    [`${G}#inbox`, 0, true, false, false, false],
    [`https://mail.google.com/mail/u/1/#category/updates`, 1, true, false, true, false],
    [`${G}#search/invoice`, 0, true, false, false, true],
    [`${G}#advanced-search/subset=all&has=invoice`, 0, true, false, false, true],
    [`${G}#search/invoice/${token}`, 0, false, true, false, true],
    [`${G}#label/Clients%2FBank+Sinar/${token}`, 0, false, true, false, false],
    [`${G}#settings/labels`, 0, false, false, false, false],
    ['https://example.com/mail/u/0/#inbox', null, false, false, false, false],
  ])('%s', (url, account, list, thread, tab, search) => {
    expect([accountIndex(url), isListView(url), isThreadView(url), isCategoryTab(url), isSearchView(url)]).toEqual([account, list, thread, tab, search]);
  });
});
