import { describe, expect, it } from 'vitest';
import { decodeSidebarContext, readFrameMessage } from '../../../lib/messaging/sidebar-context';
import { bodyRequestId, encodeSidebarContext } from '../../../lib/messaging/sidebar-link';

describe('sidebar context in the URL hash', () => {
  const ctx = {
    site: 'gmail' as const,
    threadId: '18c2f0a9b1d3e4f5',
    subject: 'Договор & "SLA" <renewal>',
    participants: [{ name: 'Dewi Lestari', email: 'dewi@bank-sinar.co.id' }],
  };

  it('round-trips, filling defaults', () => {
    expect(decodeSidebarContext(encodeSidebarContext(ctx))).toEqual({ ...ctx, sentAt: null, nameOnly: [] });
  });

  it.each([
    ['empty', ''],
    ['only #', '#'],
    ['not JSON', '#%7Bnope'],
    ['bad escape', '#%E0%A4%A'],
    ['wrong shape', `#${encodeURIComponent(JSON.stringify({ site: 'yahoo', threadId: 1 }))}`],
    ['too many participants', `#${encodeURIComponent(JSON.stringify({ ...ctx, participants: Array(51).fill(ctx.participants[0]) }))}`],
  ])('%s → null, never a throw', (_name, hash) => {
    expect(decodeSidebarContext(hash)).toBeNull();
  });
});

describe('frame messages', () => {
  it.each([
    [{ type: 'crm:focus-note' }, true],
    [{ type: 'crm:body', requestId: 'r1', text: 'hello' }, true],
    [{ type: 'crm:body', requestId: 'r1' }, false],
    [{ type: 'crm:delete-everything' }, false],
    [{ type: 'crm:context', context: { site: 'gmail', threadId: 't', participants: [{ name: '', email: 'a@b.example' }] } }, true],
    [{ type: 'crm:context', context: { site: 'yahoo', threadId: 't', participants: [] } }, false],
    [{ type: 'crm:context', context: { site: 'gmail', threadId: 't', participants: Array(51).fill({ name: '', email: 'a@b.example' }) } }, false],
    [{ type: 'crm:context', context: { site: 'gmail', threadId: 't', participants: [], sentText: ['Tue, Nov 4, 2025, 3:12 PM', '3:12 PM'] } }, true],
    [{ type: 'crm:context', context: { site: 'gmail', threadId: 't', participants: [], sentText: Array(5).fill('3:12 PM') } }, false],
    [{ type: 'crm:context', context: { site: 'gmail', threadId: 't', participants: [], sentText: ['x'.repeat(201)] } }, false],
    [{ type: 'crm:context' }, false],
    ['crm:focus-note', false],
  ])('%o valid: %s', (data, valid) => {
    expect(readFrameMessage(data).ok).toBe(valid);
  });
});

describe('frame messages from a hostile page', () => {
  const context = { site: 'gmail', threadId: 't', participants: [{ name: 'Dewi', email: 'dewi@bank-sinar.co.id' }] };
  const message = (over: Record<string, unknown>) => ({ type: 'crm:context', context: { ...context, ...over } });
  it.each([
    ['not an object', 42, '(root): expected an object, got number'],
    ['a list', [{ type: 'crm:park' }], '(root): expected an object, got a list'],
    ['no type', {}, 'type: expected one of'],
    ['a type of another kind', { type: ['crm:park'] }, 'type: expected one of'],
    ['a context that is a list', { type: 'crm:context', context: [] }, 'context: expected an object, got a list'],
    ['no participants', { type: 'crm:context', context: { site: 'gmail', threadId: 't' } }, 'context.participants: expected a list, got undefined'],
    ['an address that is a number', message({ participants: [{ name: '', email: 7 }] }), 'context.participants.0.email: expected text, got number'],
    ['an address past 320 characters', message({ participants: [{ name: '', email: `${'a'.repeat(320)}@x` }] }), 'context.participants.0.email: longer than 320'],
    ['a participant without a name', message({ participants: [{ email: 'a@b.example' }] }), 'context.participants.0.name: expected text, got undefined'],
    ['a thread id past 300 characters', message({ threadId: 'x'.repeat(301) }), 'context.threadId: longer than 300'],
    ['a subject past 1000 characters', message({ subject: 's'.repeat(1001) }), 'context.subject: longer than 1000'],
    ['a null subject', message({ subject: null }), 'context.subject: expected text, got null'],
    ['a theme of its own', message({ theme: 'neon' }), 'context.theme: expected one of light, dark, got "neon"'],
    ['51 people by name', message({ nameOnly: Array(51).fill({ name: 'x' }) }), 'context.nameOnly: more than 50 items'],
    ['a sent time that is a number', message({ sentAt: 1_700_000_000_000 }), 'context.sentAt: expected text, got number'],
    ['a sent time without an offset', message({ sentAt: '2026-11-23T10:00:00' }), 'context.sentAt: expected a date and time'],
    ['a sent time without seconds', message({ sentAt: '2026-11-23T10:00Z' }), 'context.sentAt: expected a date and time'],
    ['a sent time on 30 February', message({ sentAt: '2026-02-30T10:00:00Z' }), 'context.sentAt: expected a date and time'],
    ['a sent time on 29 February of a common year', message({ sentAt: '2100-02-29T10:00:00Z' }), 'context.sentAt: expected a date and time'],
    ['a sent time at hour 24', message({ sentAt: '2026-11-23T24:00:00Z' }), 'context.sentAt: expected a date and time'],
    ['a body past 200,000 characters', { type: 'crm:body', requestId: 'r', text: 'x'.repeat(200_001) }, 'text: longer than 200000'],
    ['a key past 200 characters', { type: 'crm:port', key: 'k'.repeat(201) }, 'key: longer than 200'],
  ])('refuses %s, naming the field', (_name, data, error) => {
    const read = readFrameMessage(data);
    expect(read.ok ? 'read' : read.error).toContain(error);
  });

  it.each([
    ['with an offset and fractions', '2026-11-23T10:00:00.123+07:00'],
    ['in UTC', '2026-11-23T10:00:00Z'],
    ['on 29 February of a leap year', '2028-02-29T23:59:59-05:30'],
    ['on 29 February of 2000', '2000-02-29T00:00:00Z'],
  ])('accepts a sent time %s', (_name, sentAt) => {
    const read = readFrameMessage(message({ sentAt }));
    expect(read.ok && read.value.type === 'crm:context' ? read.value.context.sentAt : null).toBe(sentAt);
  });

  it('keeps only the fields it knows, and fills the defaults', () => {
    const read = readFrameMessage({
      type: 'crm:context', extra: 1,
      context: { ...context, html: '<img src=x onerror=alert(1)>', participants: [{ name: 'Dewi', email: 'dewi@bank-sinar.co.id', admin: true }] },
    });
    expect(read).toEqual({ ok: true, value: { type: 'crm:context', context: { ...context, subject: '', sentAt: null, nameOnly: [] } } });
    expect(readFrameMessage({ type: 'crm:park', context: 'x' })).toEqual({ ok: true, value: { type: 'crm:park' } });
  });

  it('does not take fields from an object\'s prototype chain as its own', () => {
    const data = JSON.parse('{"type":"crm:context","context":{"site":"gmail","threadId":"t","participants":[],"__proto__":{"theme":"neon"}}}');
    const read = readFrameMessage(data);
    expect(read.ok && read.value.type === 'crm:context' ? read.value.context : null).toEqual({ site: 'gmail', threadId: 't', subject: '', sentAt: null, participants: [], nameOnly: [] });
  });
});

describe('bodyRequestId (the content script’s check of the one frame message it answers)', () => {
  it.each([
    [{ type: 'crm:request-body', requestId: 'r1' }, 'r1'],
    [{ type: 'crm:request-body', requestId: 'x'.repeat(101) }, null],
    [{ type: 'crm:request-body', requestId: 7 }, null],
    [{ type: 'crm:focus-note' }, null],
    ['crm:request-body', null],
    [null, null],
  ])('%o → %s', (data, expected) => {
    expect(bodyRequestId(data)).toBe(expected);
    // It agrees with the schema the sidebar uses.
    const read = readFrameMessage(data);
    expect(read.ok && read.value.type === 'crm:request-body' ? read.value.requestId : null).toBe(expected);
  });
});
