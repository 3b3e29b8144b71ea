import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { isEnvelope, onMessage, removeAllListeners, sendMessage, unwrapReply } from '../../../lib/messaging/channel';

const STATUS = { ok: true as const, value: { configured: false, connected: false, apiUrl: null, user: null, lastSyncAt: null, pending: 0, failed: 0, problem: null } };

describe('channel', () => {
  afterEach(() => removeAllListeners());

  it('carries the data to the handler of its type and its answer back', async () => {
    onMessage('lookup', ({ data }) => ({ ok: true, value: data.emails.map((email) => ({ match: 'unknown' as const, email })) }));
    await expect(sendMessage('lookup', { emails: ['a@b.test'] })).resolves.toEqual({ ok: true, value: [{ match: 'unknown', email: 'a@b.test' }] });
  });

  it('sends the wire format the browser tests speak: id, type, data and timestamp', async () => {
    let seen: unknown;
    const spy = (message: unknown) => { seen = message; return false; };
    browser.runtime.onMessage.addListener(spy);
    onMessage('getStatus', () => STATUS);
    await sendMessage('getStatus');
    browser.runtime.onMessage.removeListener(spy);
    expect(seen).toMatchObject({ type: 'getStatus', data: undefined });
    expect(typeof (seen as { id: unknown }).id).toBe('number');
    expect(typeof (seen as { timestamp: unknown }).timestamp).toBe('number');
  });

  it('answers an envelope sent by hand, as the browser tests send them', async () => {
    onMessage('getStatus', () => STATUS);
    const answer = await browser.runtime.sendMessage({ id: 1, type: 'getStatus', timestamp: Date.now(), data: undefined });
    expect(answer).toEqual({ res: STATUS });
  });

  it('waits for a handler that answers later', async () => {
    onMessage('getStatus', async () => {
      await new Promise((done) => setTimeout(done, 5));
      return STATUS;
    });
    await expect(sendMessage('getStatus')).resolves.toEqual(STATUS);
  });

  it('rejects with the name and message of what a handler threw, sync or async', async () => {
    onMessage('getStatus', () => {
      throw new TypeError('worker bug');
    });
    await expect(sendMessage('getStatus')).rejects.toMatchObject({ name: 'TypeError', message: 'worker bug' });
    onMessage('getSettings', async () => {
      throw new Error('later bug');
    });
    await expect(sendMessage('getSettings')).rejects.toThrow('later bug');
  });

  it('allows one handler per type, and a removed one can be set up again', () => {
    const stop = onMessage('getStatus', () => STATUS);
    expect(() => onMessage('getStatus', () => STATUS)).toThrow(/only one listener/);
    stop();
    expect(() => onMessage('getStatus', () => STATUS)).not.toThrow();
  });

  it('leaves messages that are not ours, and types nobody here handles, to other listeners', async () => {
    onMessage('getStatus', () => STATUS);
    const other = (message: unknown, _sender: unknown, respond: (r: unknown) => void) => {
      respond({ theirs: message });
      return true;
    };
    browser.runtime.onMessage.addListener(other);
    try {
      await expect(browser.runtime.sendMessage({ hello: 'there' })).resolves.toEqual({ theirs: { hello: 'there' } });
      await expect(browser.runtime.sendMessage({ id: 2, type: 'getSettings', timestamp: 1, data: undefined })).resolves.toMatchObject({ theirs: { type: 'getSettings' } });
    } finally {
      browser.runtime.onMessage.removeListener(other);
    }
  });

  it('reads only well-formed envelopes and answers', () => {
    expect(isEnvelope({ type: 'x', timestamp: 1 })).toBe(true);
    for (const bad of [null, 'x', 1, { type: 1, timestamp: 1 }, { type: 'x' }, { type: 'x', timestamp: '1' }]) expect(isEnvelope(bad)).toBe(false);
    expect(unwrapReply({ res: 3 })).toBe(3);
    expect(() => unwrapReply(undefined)).toThrow('No response');
    expect(() => unwrapReply({ err: {} })).toThrow('the handler failed');
  });
});
