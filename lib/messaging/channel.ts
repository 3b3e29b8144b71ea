import { browser, type Browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

// Kept apart from protocol.ts, whose payload schemas need zod at run time: content scripts send
// and receive through this file alone and stay small. Written out here rather than taken from a
// messaging library: content scripts carry every byte of it, and this is all of it they need.

/**
 * A protocol message on the wire: `type` names the request, `timestamp` marks it as ours (other
 * messages are left to their own listeners). The same shape as the `@webext-core/messaging`
 * format, which the browser tests speak directly.
 */
export interface Envelope {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}

/** The answer on the wire: the handler's value, or what it threw (its name and message). */
export type Reply = { res: unknown; err?: undefined } | { res?: undefined; err: { name?: string; message?: string } };

type Name = keyof ProtocolMap;
type DataOf<K extends Name> = Parameters<ProtocolMap[K]> extends [] ? undefined : Parameters<ProtocolMap[K]>[0];
type ValueOf<K extends Name> = ReturnType<ProtocolMap[K]>;

/** A message as a listener gets it: its data and who sent it. */
export interface Received<K extends Name> extends Envelope {
  data: DataOf<K>;
  sender: Browser.runtime.MessageSender;
}

/** A tab, or one frame of it (`frameId` 0: the top page only). */
export type Destination = number | { tabId: number; frameId?: number };

let next = Math.floor(Math.random() * 10_000);

/** Whether `message` is one of ours: an object with a string `type` and a numeric `timestamp`. */
export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null
    && typeof (message as Envelope).type === 'string' && typeof (message as Envelope).timestamp === 'number';
}

/** The thrown value as it can cross the channel. */
function replyError(error: unknown): Reply {
  return error instanceof Error ? { err: { name: error.name, message: error.message } } : { err: { message: String(error) } };
}

/** The sender's side of an answer: the value, or an Error with the thrower's name and message. */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null) throw new Error('No response');
  const { res, err } = reply as Reply;
  if (err != null) {
    const error = new Error(typeof err.message === 'string' ? err.message : 'the handler failed');
    if (typeof err.name === 'string') error.name = err.name;
    throw error;
  }
  return res;
}

/**
 * Sends a protocol message to the extension's pages and worker, or with `to` to a tab (a frame
 * of it), and resolves with the answer; rejects when nobody answered or the handler threw.
 */
export function sendMessage<K extends Name>(type: K, data?: DataOf<K>, to?: Destination): Promise<ValueOf<K>> {
  const message: Envelope = { id: next++, type, data, timestamp: Date.now() };
  return new Promise<unknown>((resolve, reject) => {
    const settle = (reply: unknown) => {
      const failure = browser.runtime.lastError;
      if (failure) return reject(new Error(failure.message));
      try {
        resolve(unwrapReply(reply));
      } catch (error) {
        reject(error);
      }
    };
    if (to === undefined) browser.runtime.sendMessage(message, settle);
    else {
      const { tabId, frameId } = typeof to === 'number' ? { tabId: to, frameId: undefined } : to;
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId }, settle);
    }
  }) as Promise<ValueOf<K>>;
}

type Listener = (message: Received<Name>) => unknown;
const listeners = new Map<string, Listener>();
let root: ((message: unknown, sender: Browser.runtime.MessageSender, respond: (reply: Reply) => void) => boolean) | null = null;

function stopIfIdle(): void {
  if (listeners.size > 0 || !root) return;
  browser.runtime.onMessage.removeListener(root);
  root = null;
}

/**
 * Answers messages of `type` sent to this page (or worker, or content script) with what
 * `handler` returns or resolves to. One handler per type in each context; returns its removal.
 * Messages that are not ours, or of types nobody here handles, are left unanswered for others.
 */
export function onMessage<K extends Name>(type: K, handler: (message: Received<K>) => unknown): () => void {
  if (listeners.has(type)) throw new Error(`only one listener can be set up for ${type} in this context`);
  listeners.set(type, handler as Listener);
  if (!root) {
    root = (message, sender, respond) => {
      if (!isEnvelope(message)) return false;
      const listener = listeners.get(message.type);
      if (!listener) return false;
      // Called now, as the browser delivers it; its answer (or what it threw) goes back when settled.
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(listener({ ...message, sender } as Received<Name>));
      } catch (error) {
        answer = Promise.reject(error);
      }
      void answer.then((res): Reply => ({ res }), replyError).then(respond);
      return true;
    };
    browser.runtime.onMessage.addListener(root);
  }
  return () => {
    if (listeners.get(type) === handler) listeners.delete(type);
    stopIfIdle();
  };
}

/** Removes every handler this context set up. */
export function removeAllListeners(): void {
  listeners.clear();
  stopIfIdle();
}
