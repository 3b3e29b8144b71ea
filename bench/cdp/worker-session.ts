import type { Browser, CDPSession } from 'playwright-core';

/** A CDP command sender for a target Playwright does not expose (the extension's service worker). */
export interface TargetLink {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach: () => Promise<void>;
}

interface TargetMessage { sessionId: string; message: string }
interface Reply { id: number; result?: unknown; error?: { message: string } }

/**
 * Attaches to the first target of `type` whose URL starts with `urlPrefix`, through the browser's
 * own CDP session, and talks to it with Target.sendMessageToTarget (non-flattened sessions).
 */
export async function attachToTarget(browser: Browser, type: string, urlPrefix: string): Promise<TargetLink> {
  const root: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await root.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
  if (!target) throw new Error(`no ${type} target at ${urlPrefix}`);
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>();
  let nextId = 1;
  root.on('Target.receivedMessageFromTarget', (event: TargetMessage) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.error) pending.fail(new Error(reply.error.message));
    else pending.done(reply.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = nextId++;
      const answer = new Promise<T>((done, fail) => waiting.set(id, { done: (v) => done(v as T), fail }));
      void root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    detach: async () => {
      await root.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await root.detach();
    },
  };
}
