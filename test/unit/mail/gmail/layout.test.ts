import { afterAll, describe, expect, it } from 'vitest';
import { GMAIL_FIXTURES as F } from '../../../../lib/mail/gmail/fixtures';
import { readLayout } from '../../../../lib/mail/gmail/layout';
import { asDocument } from './dom-types';
import { openFixture } from './fixture-dom';

const windows: ReturnType<typeof openFixture>[] = [];
afterAll(() => windows.forEach((w) => w.close()));

describe('readLayout', () => {
  it.each([
    [F.inboxTabs, false, true],
    [F.inboxCompact, false, true],
    [F.search, false, true],
    [F.threadSingle, false, true],
    [F.threadFive, false, true],
    [F.threadCc, false, true],
    [F.readingPane, true, true],
    [F.conversationOff, true, false],
    [F.russian, false, true],
    [F.indonesian, false, true],
    [F.unrecognised, false, true],
  ])('%s: reading pane %s, conversation view %s', (name, readingPane, conversationView) => {
    const window = openFixture(name);
    windows.push(window);
    expect(readLayout(asDocument(window.document))).toEqual({ readingPane, conversationView });
  });
});
