import { useEffect, useState } from 'preact/hooks';
import type { SidebarContext } from '../messaging/sidebar-context';

/** When the open email was sent: still being read, or read (null: the page showed no date we can read). */
export type SentAt = { reading: true; at: null } | { reading: false; at: string | null };

/**
 * The open email's sent time for "Log this email": the context's minute when its host read one,
 * else the page's date texts read by `sent-at.ts`, which is loaded the first time a thread
 * brings texts (after the first paint; the module is local, so a few milliseconds).
 */
export function useSentAt(context: Pick<SidebarContext, 'sentAt' | 'sentText'>): SentAt {
  const texts = context.sentText ?? [];
  const key = JSON.stringify(texts);
  const [read, setRead] = useState<{ key: string; at: string | null } | null>(null);
  const needed = context.sentAt === null && texts.length > 0;
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void import('./sent-at').then(
      (m) => m.sentAtOf(texts, new Date()),
      () => null, // not loaded: the user is asked for the date instead
    ).then((at) => live && setRead({ key, at }));
    return () => void (live = false);
  }, [needed, key]);
  if (context.sentAt !== null) return { reading: false, at: context.sentAt };
  if (!needed) return { reading: false, at: null };
  return read?.key === key ? { reading: false, at: read.at } : { reading: true, at: null };
}
