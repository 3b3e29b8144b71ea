import { describe, expect, it } from 'vitest';
import type { OutboxStatus, OutboxSummary } from '../../../lib/messaging/protocol';
import { writeState } from '../../../lib/sidebar/write-state';

const item = (key: string, state: OutboxSummary['state'], problem: OutboxSummary['problem'] = null): OutboxSummary =>
  ({ key, type: 'interaction', state, attempts: 0, createdAt: 0, nextAttemptAt: 0, problem, excerpt: '' } as OutboxSummary);
const outbox = (...items: OutboxSummary[]): OutboxStatus => ({ pending: 0, failed: 0, items } as OutboxStatus);
const refused = { kind: 'rejected' as const, status: 400, message: 'summary too long', field: 'body.summary' };

describe('writeState', () => {
  it.each([
    ['not read yet', 'w-1', undefined, null],
    ['waiting', 'w-1', outbox(item('w-1', 'pending')), { state: 'pending' }],
    ['being sent', 'w-1', outbox(item('w-1', 'sending')), { state: 'pending' }],
    ['refused, with the reason', 'w-1', outbox(item('w-1', 'failed', refused)), { state: 'failed', problem: refused }],
    ['gone from the outbox: the CRM has it', 'w-1', outbox(item('w-2', 'pending')), { state: 'saved' }],
    ['gone from the outbox because it was discarded', 'w-1', { ...outbox(item('w-2', 'pending')), discarded: ['w-0', 'w-1'] }, { state: 'discarded' }],
    ['still in the outbox, whatever was discarded before', 'w-1', { ...outbox(item('w-1', 'pending')), discarded: ['w-1'] }, { state: 'pending' }],
  ] as const)('%s', (_, key, status, expected) => {
    expect(writeState(key, status)).toEqual(expected);
  });
});
