import { describe, expect, it } from 'vitest';
import { toSidebarContext } from '../../../lib/content/to-sidebar-context';
import { decodeSidebarContext } from '../../../lib/messaging/sidebar-context';
import { encodeSidebarContext } from '../../../lib/messaging/sidebar-link';
import { FIXTURE_CASES } from '../mail/outlook/fixture-cases';
import { P, nameOnly } from '../mail/outlook/people.fixture';

const read = FIXTURE_CASES.flatMap(({ fixture, thread }) => (thread.ok ? [{ fixture, thread: thread.value }] : []));

describe('toSidebarContext', () => {
  it.each(read)('survives the trip through the frame URL unchanged: $fixture', ({ thread }) => {
    const context = toSidebarContext(thread, 'dark');
    expect(decodeSidebarContext(encodeSidebarContext(context))).toEqual({ nameOnly: [], sentAt: null, ...context });
    // The same people; the open message's sender may have come first.
    expect(context.participants).toHaveLength(thread.participants.length);
    expect(context.participants).toEqual(expect.arrayContaining(thread.participants));
    expect(context.nameOnly).toEqual(thread.nameOnly.map(({ name }) => ({ name })));
  });

  it('passes the people shown by name only, and the theme when it is known', () => {
    const thread = read.find((r) => r.thread.nameOnly.length > 0)!.thread;
    expect(toSidebarContext(thread, 'light')).toMatchObject({
      site: 'outlook', participants: [P.ana], nameOnly: [{ name: 'Me Sales' }, { name: 'Mihai Dumitru' }], theme: 'light',
    });
    expect(toSidebarContext(thread, null)).not.toHaveProperty('theme');
  });

  it('keeps within the frame contract\'s limits, so a huge thread is still shown', () => {
    const base = read[0]!.thread;
    const many = Array.from({ length: 80 }, (_, i) => ({ name: 'N'.repeat(300), email: `p${i}@client.example` }));
    const thread = { ...base, subject: 'S'.repeat(2000), participants: many, nameOnly: many.map((p) => nameOnly(p.name)) };
    const decoded = decodeSidebarContext(encodeSidebarContext(toSidebarContext(thread, null)));
    expect(decoded?.participants).toHaveLength(50);
    expect(decoded?.nameOnly).toHaveLength(50);
    expect(decoded?.subject).toHaveLength(1000);
    expect(decoded?.participants[0]?.name).toHaveLength(200);
  });

  it('builds a Gmail thread\'s context the same way, with no one shown by name only', () => {
    const thread = { site: 'gmail' as const, threadId: '18c4100000000abc', subject: 'S'.repeat(2000), messages: [], participants: [P.dewi] };
    const context = toSidebarContext(thread, 'light');
    expect(decodeSidebarContext(encodeSidebarContext(context))).toEqual({
      site: 'gmail', threadId: '18c4100000000abc', subject: 'S'.repeat(1000), sentAt: null, participants: [P.dewi], nameOnly: [], theme: 'light',
    });
  });
});
