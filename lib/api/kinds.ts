// Plain lists, no schema: the sidebar's first screen (the quick note) offers them and must not
// carry zod; entities.ts makes the schemas from them.

/** What an interaction was. */
export const INTERACTION_KINDS = [
  'email', 'call', 'meeting', 'note', 'order', 'cancellation', 'complaint', 'billing', 'outage', 'other',
] as const;

/** Who an interaction came from: the client, us, or neither (a note among colleagues). */
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
