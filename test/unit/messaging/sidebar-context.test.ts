import { describe, expect, it } from 'vitest';
import { decodeSidebarContext, FrameMessage } from '../../../lib/messaging/sidebar-context';
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
    expect(FrameMessage.safeParse(data).success).toBe(valid);
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
    const parsed = FrameMessage.safeParse(data);
    expect(parsed.success && parsed.data.type === 'crm:request-body' ? parsed.data.requestId : null).toBe(expected);
  });
});
