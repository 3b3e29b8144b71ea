/** The add-commitment form as left: whether it is open, and what was typed in it. */
export interface CommitmentDraft {
  open: boolean;
  text: string;
  /** As typed, in the user's way of writing dates (or `YYYY-MM-DD`); '' for none. */
  due: string;
  /** The chosen owner's id, or '' for me. */
  owner: string;
}

/** Closed, nothing typed: a scope holding this is forgotten. */
export const NO_COMMITMENT: CommitmentDraft = { open: false, text: '', due: '', owner: '' };

/** `draft`, or NO_COMMITMENT itself when it is closed with nothing typed. */
export function tidyCommitmentDraft(draft: CommitmentDraft): CommitmentDraft {
  return !draft.open && draft.text === '' && draft.due === '' && draft.owner === '' ? NO_COMMITMENT : draft;
}

/** A kept value read back as a draft, or null when it is not one (never guessed at). */
export function asCommitmentDraft(value: unknown): CommitmentDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { open, text, due, owner } = value as Record<string, unknown>;
  if (typeof open !== 'boolean' || typeof text !== 'string' || typeof due !== 'string' || typeof owner !== 'string') return null;
  return tidyCommitmentDraft({ open, text, due, owner });
}
