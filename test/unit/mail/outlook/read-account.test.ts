import { afterEach, describe, expect, it } from 'vitest';
import { OUTLOOK_FIXTURES as F } from '../../../../lib/mail/outlook/fixtures';
import { readOwnAddresses } from '../../../../lib/mail/outlook/read-account';
import { parseOutlookUrl } from '../../../../lib/mail/outlook/routes';
import { openFixture, type FixturePage } from './fixture-page';

let page: FixturePage | null = null;
afterEach(() => { page?.close(); page = null; });

const INBOX = 'https://outlook.office.com/mail/inbox';
const SHARED = 'https://outlook.office.com/mail/Sales.Team%40ourcompany.example/inbox';

describe('readOwnAddresses', () => {
  it.each([
    [F.paneRight, INBOX, ['me@ourcompany.example']],
    [F.romanian, INBOX, ['me@ourcompany.example']],
    [F.fullPage, INBOX, ['me@ourcompany.example']],
    [F.dark, 'https://outlook.live.com/mail/0/', ['me@ourcompany.example']],
    // A shared mailbox in the URL is the user's too.
    [F.paneRight, SHARED, ['me@ourcompany.example', 'sales.team@ourcompany.example']],
    // No folder tree: nothing to go on, nothing guessed.
    [F.deeplink, INBOX, []],
    [F.unrecognised, INBOX, []],
    [F.unrecognised, SHARED, ['sales.team@ourcompany.example']],
  ])('%s at %s', (fixture, url, expected) => {
    page = openFixture(fixture, url);
    expect(readOwnAddresses(page.doc, parseOutlookUrl(url))).toEqual(expected);
  });

  it('reads no folder as the account: a top node whose tooltip is a name gives nothing', () => {
    page = openFixture(F.paneRight, INBOX);
    const top = page.doc.querySelector('[role="treeitem"][aria-level="1"]')!;
    top.setAttribute('title', 'Me Sales');
    page.doc.querySelector('[role="treeitem"][aria-level="2"]')!.setAttribute('title', 'archive@other.example');
    expect(readOwnAddresses(page.doc, parseOutlookUrl(INBOX))).toEqual([]);
  });
});
