import { decodeSidebarContext, type SidebarContext } from '../messaging/sidebar-context';

/** What the sidebar is asked to show. */
export type SidebarSource =
  /** A thread the content script described in the URL hash. */
  | { kind: 'thread'; context: SidebarContext }
  /** One address, for the sidebar opened on its own (`sidebar.html?email=…`). */
  | { kind: 'email'; email: string }
  /** A hash was given but can't be read: the mail page's layout was not recognised. */
  | { kind: 'unreadable' }
  /** Nothing given at all. */
  | { kind: 'none' };

/** Reads the hash first, then `?email=`; never throws. */
export function readSource(hash: string, search: string): SidebarSource {
  if (hash.length > 1) {
    const context = decodeSidebarContext(hash);
    return context ? { kind: 'thread', context } : { kind: 'unreadable' };
  }
  const email = new URLSearchParams(search).get('email')?.trim();
  return email ? { kind: 'email', email } : { kind: 'none' };
}

/** Changes whenever another thread or address is shown, so per-thread state starts afresh. */
export function sourceKey(source: SidebarSource): string {
  switch (source.kind) {
    case 'thread':
      return `thread:${source.context.site}:${source.context.threadId}:${source.context.participants.map((p) => p.email).join(',')}`;
    case 'email':
      return `email:${source.email}`;
    default:
      return source.kind;
  }
}

/** The people to look up: the thread's participants, or the one address. */
export function peopleOf(source: SidebarSource): { name: string; email: string }[] {
  if (source.kind === 'thread') return source.context.participants;
  if (source.kind === 'email') return [{ name: '', email: source.email }];
  return [];
}
