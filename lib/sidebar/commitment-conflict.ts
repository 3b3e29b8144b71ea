import { z } from 'zod';
import { Commitment } from '../api';

// Apart from commitment-overlay.ts, loaded when a conflict first shows: the schema brings zod,
// which the sidebar's first screen does without.

const ConflictDetails = z.object({ commitment: Commitment });

/** The current record a 409 answer carries (`error.details.commitment`), if it does. */
export function currentFromConflict(details: unknown): Commitment | null {
  const parsed = ConflictDetails.safeParse(details);
  return parsed.success ? parsed.data.commitment : null;
}
