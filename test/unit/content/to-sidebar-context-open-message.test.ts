import { describe, expect, it } from 'vitest';
import { toSidebarContext, type ThreadToShow } from '../../../lib/content/to-sidebar-context';
import { decodeSidebarContext } from '../../../lib/messaging/sidebar-context';
import { encodeSidebarContext } from '../../../lib/messaging/sidebar-link';
import type { Participant, ThreadMessage } from '../../../lib/mail/types';
import { sentAtOf } from '../../../lib/sidebar/sent-at';

const dewi: Participant = { name: 'Dewi Lestari', email: 'dewi@banksinar.co.id' };
const budi: Participant = { name: 'Budi Santoso', email: 'budi.santoso@banksinar.co.id' };
const me: Participant = { name: 'Me Sales', email: 'me@ourcompany.example' };
const NOW = new Date('2025-11-20T10:00:00Z');

const message = (from: Participant, expanded: boolean, sentText?: string[]): ThreadMessage => ({
  from, to: [], cc: [], expanded, ...(sentText ? { sentText } : {}),
});
const thread = (messages: ThreadToShow['messages'], participants = [dewi, budi]): ThreadToShow => ({
  site: 'gmail', threadId: '18c4100000000abc', subject: 'Renewal', messages, participants,
});
const sentText = (t: ThreadToShow) => toSidebarContext(t, null).sentText;

describe('toSidebarContext: when the open message was sent', () => {
  it('passes the last expanded message\'s date texts as the page wrote them, for the sidebar to read', () => {
    const context = toSidebarContext(thread([
      message(dewi, true, ['Mon, Nov 3, 2025, 9:00 AM']),
      message(budi, true, ['nonsense', 'Tue, Nov 4, 2025, 3:12 PM', 'Nov 4']),
      message(dewi, false, ['Wed, Nov 5, 2025, 8:00 AM']),
    ]), null);
    expect(context.sentText).toEqual(['nonsense', 'Tue, Nov 4, 2025, 3:12 PM', 'Nov 4']);
    expect(context.sentAt).toBeNull();
    const decoded = decodeSidebarContext(encodeSidebarContext(context));
    expect(decoded?.sentText).toEqual(context.sentText);
    expect(sentAtOf(decoded?.sentText ?? [], NOW)).toMatch(/^2025-11-04T15:12:00[+-]\d\d:\d\d$/);
  });

  it('keeps within the frame contract: at most 4 texts, none longer than the reader reads', () => {
    const texts = ['x'.repeat(201), 'a', 'b', 'c', 'd', 'e'];
    expect(sentText(thread([message(dewi, true, texts)]))).toEqual(['a', 'b', 'c', 'd']);
    expect(decodeSidebarContext(encodeSidebarContext(toSidebarContext(thread([message(dewi, true, texts)]), null)))).not.toBeNull();
  });

  it.each([
    ['no messages', []],
    ['no expanded message', [message(dewi, false, ['Tue, Nov 4, 2025, 3:12 PM'])]],
    ['the open message has no date text', [message(dewi, true, ['Mon, Nov 3, 2025, 9:00 AM']), message(budi, true)]],
  ])('passes none when %s', (_, messages) => {
    expect(toSidebarContext(thread(messages), null)).not.toHaveProperty('sentText');
  });
});

describe('toSidebarContext: the open message\'s sender first', () => {
  const order = (t: ThreadToShow) => toSidebarContext(t, null).participants.map((p) => p.email);
  it('puts the sender of the last expanded message first', () => {
    expect(order(thread([message(dewi, true), message(budi, true), message(dewi, false)]))).toEqual([budi.email, dewi.email]);
  });
  it('matches the sender\'s address in any case', () => {
    expect(order(thread([message({ ...budi, email: budi.email.toUpperCase() }, true)]))).toEqual([budi.email, dewi.email]);
  });
  it.each([
    ['the sender is one of ours', [message(budi, true), message(me, true)]],
    ['no message is expanded', [message(budi, false)]],
    ['the reader gave no messages', []],
    ['Outlook shows the sender by name only', [{ from: { name: 'Budi Santoso', email: null }, expanded: true }]],
  ])('keeps the order when %s', (_, messages: ThreadToShow['messages']) => {
    expect(order(thread(messages))).toEqual([dewi.email, budi.email]);
  });
});
