import { z } from 'zod';
import { AccountResult, type Account, type Preferences, type Stage } from '../api';
import { Write } from '../messaging/write';
import { checkDomains, checkName, sameDomains, type DomainIssue } from './account-identity';
import type { AccountChange } from './account-overlay';

/** A change checked as the outbox checks it when it is queued (the account's id does not matter here). */
const checkChange = (body: AccountChange) => Write.safeParse({ type: 'account-patch', accountId: '00000000-0000-4000-8000-000000000000', body });

/** Every stage, the ladder's and `lost`. */
export const STAGES: readonly Stage[] = AccountResult.shape.account.shape.stage.options;

export type RhythmUnit = 'days' | 'weeks';

/** The header's facts as the edit form holds them; the name, domains and rhythm as typed. */
export interface FactsDraft {
  name: string;
  /** One a line (commas and spaces separate them too). */
  domains: string;
  stage: Stage;
  /** A user's id, or '' for no owner. */
  ownerId: string;
  teamIds: readonly string[];
  rhythm: string;
  unit: RhythmUnit;
}

/** "How they like to work" as the edit form holds it: every field as typed. */
export interface PrefsDraft {
  channel: string;
  language: string;
  paymentTerms: string;
  workingStyle: string;
  specialTerms: string;
}
export type PrefsField = keyof PrefsDraft;
const PREFERENCE_FIELDS = ['channel', 'language', 'paymentTerms', 'workingStyle'] as const satisfies readonly PrefsField[];

export function factsDraftOf(account: Account): FactsDraft {
  const days = account.cadenceDays;
  return {
    name: account.name,
    domains: account.domains.join('\n'),
    stage: account.stage,
    ownerId: account.owner?.id ?? '',
    teamIds: account.team.map((m) => m.id),
    rhythm: days === null ? '' : String(days),
    unit: 'days',
  };
}

export function prefsDraftOf(account: Account): PrefsDraft {
  const p = account.preferences;
  return {
    channel: p.channel ?? '', language: p.language ?? '', paymentTerms: p.paymentTerms ?? '',
    workingStyle: p.workingStyle ?? '', specialTerms: account.specialTerms ?? '',
  };
}

/**
 * The agreed rhythm in days from what was typed: null when left empty (no agreed rhythm), or
 * 'invalid' for anything but a whole number the CRM accepts (from a day up to its limit).
 */
export function rhythmDays(text: string, unit: RhythmUnit): number | null | 'invalid' {
  const typed = text.trim();
  if (typed === '') return null;
  if (!/^\d{1,6}$/.test(typed)) return 'invalid';
  const days = Number(typed) * (unit === 'weeks' ? 7 : 1);
  return checkChange({ version: 1, cadenceDays: days }).success ? days : 'invalid';
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/** What is wrong in the facts form, per field (every wrong one at once). */
export interface FactsErrors {
  name?: 'required' | { max: number };
  domains?: { issues: DomainIssue[]; tooMany?: number };
  rhythm?: true;
}
export type FactsResult = { change: AccountChange | null } | { errors: FactsErrors };

/**
 * The change the header's form asks for, made on the version shown: only what differs from
 * `account` (null when nothing does), or what is wrong in which field.
 */
export function factsChange(account: Account, draft: FactsDraft): FactsResult {
  const days = rhythmDays(draft.rhythm, draft.unit);
  const name = checkName(draft.name);
  const domains = checkDomains(draft.domains, account.domains);
  const errors: FactsErrors = {
    ...('error' in name ? { name: name.error === 'required' ? ('required' as const) : { max: name.max } } : {}),
    ...('issues' in domains ? { domains } : {}),
    ...(days === 'invalid' ? { rhythm: true as const } : {}),
  };
  if ('error' in name || 'issues' in domains || days === 'invalid') return { errors };
  const change: AccountChange = { version: account.version };
  if (name.name !== account.name) change.name = name.name;
  if (!sameDomains(domains.domains, account.domains)) change.domains = domains.domains;
  if (draft.stage !== account.stage) change.stage = draft.stage;
  const owner = draft.ownerId === '' ? null : draft.ownerId;
  if (owner !== (account.owner?.id ?? null)) change.ownerId = owner;
  const team = [...new Set(draft.teamIds)];
  if (!sameSet(team, account.team.map((m) => m.id))) change.teamMemberIds = team;
  if (days !== account.cadenceDays) change.cadenceDays = days;
  return { change: Object.keys(change).length > 1 ? change : null };
}

const tidy = (s: string) => s.trim();

/** Preferences with their empty fields left out, as the CRM keeps them. */
function keptPreferences(p: Partial<Record<(typeof PREFERENCE_FIELDS)[number], string | undefined>>): Preferences {
  const out: Preferences = {};
  for (const field of PREFERENCE_FIELDS) {
    const value = tidy(p[field] ?? '');
    if (value !== '') out[field] = value;
  }
  return out;
}

export type PrefsResult = { change: AccountChange | null } | { errors: Partial<Record<PrefsField, number>> };

/**
 * The change the preferences form asks for: the whole preferences object (the CRM replaces it)
 * and the special terms, each only when it differs; or, per field, the most characters it takes.
 */
export function prefsChange(account: Account, draft: PrefsDraft): PrefsResult {
  const preferences = keptPreferences(draft);
  const terms = tidy(draft.specialTerms) === '' ? null : tidy(draft.specialTerms);
  const checked = checkChange({ version: account.version, preferences, specialTerms: terms });
  if (!checked.success) {
    const errors: Partial<Record<PrefsField, number>> = {};
    for (const issue of checked.error.issues) {
      const field = (issue.path[1] === 'preferences' ? issue.path[2] : issue.path[1]) as PrefsField;
      errors[field] = 'maximum' in issue ? Number(issue.maximum) : 0;
    }
    return { errors };
  }
  const change: AccountChange = { version: account.version };
  const before = keptPreferences(account.preferences);
  if (JSON.stringify(preferences) !== JSON.stringify(before)) change.preferences = preferences;
  if (terms !== (account.specialTerms === null || tidy(account.specialTerms) === '' ? null : tidy(account.specialTerms))) {
    change.specialTerms = terms;
  }
  return { change: Object.keys(change).length > 1 ? change : null };
}

const ConflictDetails = z.object({ account: AccountResult.shape.account });

/** The account a 409 answer carries (`error.details.account`), if it does. */
export function accountFromConflict(details: unknown): Account | null {
  const parsed = ConflictDetails.safeParse(details);
  return parsed.success ? parsed.data.account : null;
}
