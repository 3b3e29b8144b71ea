import type { ListRow, Participant, ThreadContext, ThreadMessage } from '../types';

/**
 * Outlook's reading pane often shows only a display name (always for people in the same
 * organisation, often for saved contacts); the address sits in a hover card the page has not
 * rendered. Such a person is reported by name, flagged, so the caller can match the name within
 * the known account and show the match as less certain. Never guessed into an address.
 */
export interface NameOnlyParticipant {
  name: string;
  email: null;
  addressUncertain: true;
}

/** A person as the Outlook page shows them: with an address, or by name only. */
export type OutlookParticipant = Participant | NameOnlyParticipant;

export interface OutlookThreadMessage extends Omit<ThreadMessage, 'from' | 'to' | 'cc'> {
  from: OutlookParticipant;
  to: OutlookParticipant[];
  cc: OutlookParticipant[];
}

/**
 * The shared thread shape, with participants that may lack an address. `participants` keeps its
 * shared meaning (outside addresses only); people shown by name only are listed apart, because
 * without an address nobody can tell whether they are ours or a client's.
 */
export interface OutlookThreadContext extends Omit<ThreadContext, 'messages'> {
  messages: OutlookThreadMessage[];
  /** Everyone shown by name only, unique by name, in order of appearance. */
  nameOnly: NameOnlyParticipant[];
}

/** A message-list row; `senders` holds outside addresses only, as in the shared `ListRow`. */
export type OutlookListRow = ListRow & {
  /** Whether this row is the selected one (its conversation is open in the reading pane). */
  selected: boolean;
};

export function hasAddress(p: OutlookParticipant): p is Participant {
  return p.email !== null;
}
