import { describe, expect, it } from 'vitest';
import {
  folderOf, isFullPageReading, isSearch, openItemId, parseOutlookUrl, showsList, showsMessage, type OutlookRoute, type PaneSetting,
} from '../../../../lib/mail/outlook/routes';

const O = 'https://outlook.office.com';
const ID = 'AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAOk3Xx1rRb5Ho8Zq9n2Yb1s=';
const ENC = encodeURIComponent(ID);

describe('parseOutlookUrl', () => {
  it.each<[string, OutlookRoute | null]>([
    [`${O}/mail/`, { kind: 'list', mailbox: '', folder: null }],
    [`${O}/mail`, { kind: 'list', mailbox: '', folder: null }],
    [`${O}/mail/inbox`, { kind: 'list', mailbox: '', folder: 'inbox' }],
    [`https://outlook.office365.com/mail/sentitems`, { kind: 'list', mailbox: '', folder: 'sentitems' }],
    [`https://outlook.cloud.microsoft/mail/inbox/id/${ENC}`, { kind: 'item', mailbox: '', folder: 'inbox', itemId: ID }],
    [`${O}/mail/AAMkAGI2TG93AAA%3D`, { kind: 'list', mailbox: '', folder: 'AAMkAGI2TG93AAA=' }],
    [`${O}/mail/inbox/id/${ENC}`, { kind: 'item', mailbox: '', folder: 'inbox', itemId: ID }],
    [`${O}/mail/id/${ENC}`, { kind: 'item', mailbox: '', folder: null, itemId: ID }],
    [`${O}/mail/inbox/id/${ENC}?nativeVersion=1#x`, { kind: 'item', mailbox: '', folder: 'inbox', itemId: ID }],
    [`https://outlook.live.com/mail/0/`, { kind: 'list', mailbox: '0', folder: null }],
    [`https://outlook.live.com/mail/0/inbox/id/${ENC}`, { kind: 'item', mailbox: '0', folder: 'inbox', itemId: ID }],
    [`https://outlook.live.com/mail/1/junkemail`, { kind: 'list', mailbox: '1', folder: 'junkemail' }],
    [`${O}/mail/Sales@OurCompany.example/inbox`, { kind: 'list', mailbox: 'sales@ourcompany.example', folder: 'inbox' }],
    [`${O}/mail/sales%40ourcompany.example/inbox/id/${ENC}`, { kind: 'item', mailbox: 'sales@ourcompany.example', folder: 'inbox', itemId: ID }],
    [`${O}/mail/inbox/id/${ENC}/compose`, { kind: 'compose', mailbox: '' }],
    [`${O}/mail/compose`, { kind: 'compose', mailbox: '' }],
    [`${O}/mail/deeplink/compose?to=dewi.lestari%40bank-sinar.co.id`, { kind: 'compose', mailbox: '' }],
    [`${O}/mail/deeplink/read/${ENC}`, { kind: 'deeplink-read', mailbox: '', itemId: ID }],
    [`${O}/mail/deeplink/read?ItemID=${ENC}&exvsurl=1`, { kind: 'deeplink-read', mailbox: '', itemId: ID }],
    [`https://outlook.live.com/mail/0/deeplink/read/${ENC}?ispopout=0`, { kind: 'deeplink-read', mailbox: '0', itemId: ID }],
    [`${O}/mail/deeplink/read`, { kind: 'other', mailbox: '' }],
    [`${O}/mail/deeplink/search?query=bank-sinar`, { kind: 'search', mailbox: '', query: 'bank-sinar', itemId: null }],
    [`${O}/mail/search`, { kind: 'search', mailbox: '', query: null, itemId: null }],
    [`${O}/mail/search/id/${ENC}`, { kind: 'search', mailbox: '', query: null, itemId: ID }],
    [`${O}/mail/options/general`, { kind: 'other', mailbox: '' }],
    [`${O}/mail/inbox/weird/path`, { kind: 'other', mailbox: '' }],
    [`${O}/mail/inbox/id/`, { kind: 'list', mailbox: '', folder: 'inbox' }],
    [`${O}/calendar/view/month`, null],
    [`${O}/people/`, null],
    [`https://mail.google.com/mail/u/0/#inbox`, null],
    [`https://outlook.office.com.evil.example/mail/`, null],
    ['not a url', null],
  ])('%s', (url, route) => {
    expect(parseOutlookUrl(url)).toEqual(route);
  });
});

const inbox = parseOutlookUrl(`${O}/mail/inbox`);
const item = parseOutlookUrl(`${O}/mail/inbox/id/${ENC}`);
const deeplink = parseOutlookUrl(`${O}/mail/deeplink/read/${ENC}`);
const search = parseOutlookUrl(`${O}/mail/deeplink/search?query=petrovsky`);
const searchItem = parseOutlookUrl(`${O}/mail/search/id/${ENC}`);
const compose = parseOutlookUrl(`${O}/mail/deeplink/compose`);

describe('view predicates, with the reading-pane setting', () => {
  it.each<[string, OutlookRoute | null, PaneSetting, { list: boolean; message: boolean; fullPage: boolean }]>([
    ['inbox, pane right', inbox, 'right', { list: true, message: false, fullPage: false }],
    ['inbox, pane hidden', inbox, 'hidden', { list: true, message: false, fullPage: false }],
    ['item, pane right', item, 'right', { list: true, message: true, fullPage: false }],
    ['item, pane bottom', item, 'bottom', { list: true, message: true, fullPage: false }],
    ['item, pane hidden: full-page reading', item, 'hidden', { list: false, message: true, fullPage: true }],
    ['deep-link read, pane right: still full page', deeplink, 'right', { list: false, message: true, fullPage: true }],
    ['search results', search, 'right', { list: true, message: false, fullPage: false }],
    ['item from search, pane hidden', searchItem, 'hidden', { list: false, message: true, fullPage: true }],
    ['item from search, pane right', searchItem, 'right', { list: true, message: true, fullPage: false }],
    ['compose', compose, 'right', { list: false, message: false, fullPage: false }],
    ['not Outlook', null, 'right', { list: false, message: false, fullPage: false }],
  ])('%s', (_label, route, pane, expected) => {
    expect({ list: showsList(route, pane), message: showsMessage(route), fullPage: isFullPageReading(route, pane) }).toEqual(expected);
  });

  it.each<[OutlookRoute | null, string | null, boolean, string | null]>([
    [inbox, null, false, 'inbox'],
    [item, ID, false, 'inbox'],
    [deeplink, ID, false, null],
    [search, null, true, null],
    [searchItem, ID, true, null],
    [null, null, false, null],
  ])('openItemId / isSearch / folderOf: %j', (route, itemId, searching, folder) => {
    expect([openItemId(route), isSearch(route), folderOf(route)]).toEqual([itemId, searching, folder]);
  });
});
