import { useEffect, useRef } from 'preact/hooks';
import { FrameMessage } from '../mail/sidebar-context';

type Incoming = Extract<FrameMessage, { type: 'crm:focus-note' | 'crm:show-risk' | 'crm:body' }>;

/** The mail sites that host the sidebar; a message from any other origin is ignored. */
export const MAIL_ORIGINS: readonly string[] = [
  'https://mail.google.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
];

/** A message from the page that hosts this frame, checked; null for anything else. */
export function fromParent(event: MessageEvent, parent: Window = window.parent): FrameMessage | null {
  if (parent === window || event.source !== parent || !MAIL_ORIGINS.includes(event.origin)) return null;
  const parsed = FrameMessage.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

/** Calls `handler` for each checked message of `type` from the hosting mail page. */
export function useFrameMessage<K extends Incoming['type']>(type: K, handler: (message: Extract<Incoming, { type: K }>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: MessageEvent) => {
      const message = fromParent(event);
      if (message?.type === type) latest.current(message as Extract<Incoming, { type: K }>);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [type]);
}

/**
 * Asks the hosting page for the open messages' text (only after the user ticked "include text").
 * Resolves with the text from the parent's answer to this request id; rejects when there is no
 * hosting page or it does not answer within `timeoutMs`.
 */
export function requestBody(timeoutMs = 10_000): Promise<string> {
  if (window.parent === window) return Promise.reject(new Error('no mail page hosts this sidebar'));
  const requestId = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const listener = (event: MessageEvent) => {
      const message = fromParent(event);
      if (message?.type !== 'crm:body' || message.requestId !== requestId) return;
      done();
      resolve(message.text);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error('the mail page did not hand over the text'));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('message', listener);
    };
    window.addEventListener('message', listener);
    // The request carries nothing but an id, so any origin may see it; the answer is checked.
    window.parent.postMessage({ type: 'crm:request-body', requestId } satisfies FrameMessage, '*');
  });
}
