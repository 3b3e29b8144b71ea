import type { SidebarContextInput } from './sidebar-context';

// The content script's half of the sidebar contract, without zod (content scripts stay small);
// the schemas and the sidebar's half are in sidebar-context.ts.

/** The hash part of the sidebar URL for a thread. */
export function encodeSidebarContext(ctx: SidebarContextInput): string {
  return `#${encodeURIComponent(JSON.stringify(ctx))}`;
}

/**
 * The request id of a well-formed `crm:request-body` from the sidebar frame, or null. The only
 * frame message a content script answers (through the channel it handed the frame, never a
 * window message), checked by hand to the schema's limits.
 */
export function bodyRequestId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, requestId } = data as { type?: unknown; requestId?: unknown };
  return type === 'crm:request-body' && typeof requestId === 'string' && requestId.length <= 100 ? requestId : null;
}
