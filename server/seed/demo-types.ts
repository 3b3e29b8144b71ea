import type { Preferences, Stage } from '../../lib/api';
import type { Story } from './stories';

/** The demo team's people, by a short key. */
export type DemoUserKey = 'dewi' | 'andrei' | 'nurul' | 'sergei';

/** One demo client: who they are, and the strands of history that make its risk signals. */
export interface DemoAccount {
  ref: string;
  name: string;
  domains?: string[];
  stage: Stage;
  owner: DemoUserKey | null;
  team?: DemoUserKey[];
  cadenceDays?: number;
  preferences?: Preferences;
  specialTerms?: string;
  contacts: { name: string; emails: string[]; role?: string; phone?: string }[];
  /** Who logs the history when there is no active owner (defaults to the owner). */
  loggedBy?: DemoUserKey;
  story: Story[];
}
