import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../../lib/messaging/problem-error';
import { onMessage, removeAllListeners } from '../../../lib/messaging/channel';
import { ask } from '../../../lib/ui/ask';
import { ME } from '../../support/crm-fixtures';

const STATUS = { configured: true, connected: true, apiUrl: 'https://crm.test', user: ME, lastSyncAt: null, pending: 0, failed: 0, problem: null };

describe('ask', () => {
  afterEach(() => removeAllListeners());

  it('unwraps a value from the background', async () => {
    onMessage('getStatus', () => ({ ok: true, value: STATUS }));
    await expect(ask('getStatus')).resolves.toEqual(STATUS);
  });

  it('throws the background\'s problem as a ProblemError', async () => {
    onMessage('getSettings', () => ({ ok: false, problem: { kind: 'forbidden', message: 'not for you' } }));
    const error = await ask('getSettings').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toEqual({ kind: 'forbidden', message: 'not for you' });
  });

  it('passes the data object through', async () => {
    onMessage('lookup', ({ data }) => ({ ok: true, value: data.emails.map((email) => ({ match: 'unknown' as const, email })) }));
    await expect(ask('lookup', { emails: ['a@b.test'] })).resolves.toEqual([{ match: 'unknown', email: 'a@b.test' }]);
  });

  it('turns a handler that throws into an internal problem instead of a bare error', async () => {
    onMessage('getStatus', () => {
      throw new Error('worker bug');
    });
    await expect(ask('getStatus')).rejects.toMatchObject({ problem: { kind: 'internal' } });
  });
});
