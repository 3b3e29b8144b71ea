import { describe, expect, it } from 'vitest';
import { toSidebarContext, type ThreadToShow } from '../../../lib/content/to-sidebar-context';
import { decodeSidebarContext } from '../../../lib/messaging/sidebar-context';
import { encodeSidebarContext } from '../../../lib/messaging/sidebar-link';
import type { Participant, ThreadMessage } from '../../../lib/mail/types';

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
const sentAt = (t: ThreadToShow) => toSidebarContext(t, null, NOW).sentAt;

describe('toSidebarContext: when the open message was sent', () => {
  it('reads the last expanded message\'s first date text that parses, as ISO with the offset', () => {
    const context = toSidebarContext(thread([
      message(dewi, true, ['Mon, Nov 3, 2025, 9:00 AM']),
      message(budi, true, ['nonsense', 'Tue, Nov 4, 2025, 3:12 PM', 'Nov 4']),
      message(dewi, false, ['Wed, Nov 5, 2025, 8:00 AM']),
    ]), null, NOW);
    expect(context.sentAt).toMatch(/^2025-11-04T15:12:00[+-]\d\d:\d\d$/);
    expect(new Date(context.sentAt!).getTime()).toBe(new Date(2025, 10, 4, 15, 12).getTime());
    expect(decodeSidebarContext(encodeSidebarContext(context))?.sentAt).toBe(context.sentAt);
  });

  it.each([
    ['no messages', []],
    ['no expanded message', [message(dewi, false, ['Tue, Nov 4, 2025, 3:12 PM'])]],
    ['the open message has no date text', [message(dewi, true, ['Mon, Nov 3, 2025, 9:00 AM']), message(budi, true)]],
    ['none of its texts parses', [message(dewi, true, ['10/11/2024', 'yesterday-ish'])]],
    ['a date in the future', [message(dewi, true, ['Dec 25, 2025, 9:00 AM'])]],
  ])('is unknown when %s', (_, messages) => {
    expect(sentAt(thread(messages))).toBeNull();
  });
});

describe('toSidebarContext: the open message\'s sender first', () => {
  const order = (t: ThreadToShow) => toSidebarContext(t, null, NOW).participants.map((p) => p.email);
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
