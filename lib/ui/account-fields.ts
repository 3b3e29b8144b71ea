import type { Account, AccountPatch, UserRef } from '../api';
import { t, tn, type MessageKey } from '../i18n';
import { stageName } from '../sidebar/stages';

/**
 * A client's fields as a person reads them, to compare two versions: the sidebar's conflict view
 * and the popup's refused writes word them alike. No schemas here (pages that only show text).
 */

/** The fields a change sets, in the order they are shown. */
export const CHANGE_FIELDS = ['name', 'domains', 'stage', 'ownerId', 'teamMemberIds', 'cadenceDays', 'preferences', 'specialTerms'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

const FIELD_NAME: Record<ChangeField, MessageKey> = {
  name: 'sidebar_field_name',
  domains: 'sidebar_field_domains',
  stage: 'sidebar_field_stage',
  ownerId: 'sidebar_field_owner',
  teamMemberIds: 'sidebar_field_team',
  cadenceDays: 'sidebar_change_rhythm',
  preferences: 'sidebar_prefs_heading',
  specialTerms: 'sidebar_pref_terms',
};

export const fieldName = (field: ChangeField): string => t(FIELD_NAME[field]);

export function changedFields(change: Partial<Record<ChangeField, unknown>>): ChangeField[] {
  return CHANGE_FIELDS.filter((f) => change[f] !== undefined);
}

const list = (items: readonly string[]) => (items.length === 0 ? t('sidebar_value_none') : items.join(', '));
const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : t('sidebar_value_none'));

function preferencesText(p: Account['preferences']): string {
  const parts: [MessageKey, string | undefined][] = [
    ['sidebar_pref_channel', p.channel], ['sidebar_pref_language', p.language],
    ['sidebar_pref_payment', p.paymentTerms], ['sidebar_pref_style', p.workingStyle],
  ];
  const known = parts.filter(([, v]) => v && v.trim() !== '').map(([k, v]) => `${t(k)}: ${v}`);
  return known.length === 0 ? t('sidebar_value_none') : known.join('; ');
}

/** One field of an account in words. */
export function accountFieldText(account: Account, field: ChangeField): string {
  switch (field) {
    case 'name':
      return account.name;
    case 'domains':
      return list(account.domains);
    case 'stage':
      return stageName(account.stage);
    case 'ownerId':
      return account.owner ? account.owner.name : t('sidebar_no_owner');
    case 'teamMemberIds':
      return list(account.team.map((p) => p.name));
    case 'cadenceDays':
      return account.cadenceDays === null ? t('sidebar_rhythm_none') : tn('n_days', account.cadenceDays);
    case 'preferences':
      return preferencesText(account.preferences);
    case 'specialTerms':
      return text(account.specialTerms);
  }
}

export interface VersionRow { field: ChangeField; name: string; mine: string; theirs: string }

/** Each field a change sets: how `mine` (the change applied) has it, and how `theirs` does. */
export function versionRows(change: Partial<Record<ChangeField, unknown>>, mine: Account, theirs: Account): VersionRow[] {
  return changedFields(change).map((field) => ({
    field, name: fieldName(field), mine: accountFieldText(mine, field), theirs: accountFieldText(theirs, field),
  }));
}

/**
 * The account as a change that only names people by id would leave it: each id as the person
 * the account knows by it (its owner or team), else `unknown` (the popup has no list of users).
 */
export function withPatch(theirs: Account, body: AccountPatch, unknown: (id: string) => UserRef): Account {
  const people = [...(theirs.owner ? [theirs.owner] : []), ...theirs.team];
  const person = (id: string) => people.find((p) => p.id === id) ?? unknown(id);
  return {
    ...theirs,
    ...(body.name !== undefined ? { name: body.name.trim() } : {}),
    ...(body.domains ? { domains: body.domains } : {}),
    ...(body.stage ? { stage: body.stage } : {}),
    ...(body.ownerId !== undefined ? { owner: body.ownerId === null ? null : person(body.ownerId) } : {}),
    ...(body.teamMemberIds ? { team: body.teamMemberIds.map(person) } : {}),
    ...(body.cadenceDays !== undefined ? { cadenceDays: body.cadenceDays } : {}),
    ...(body.preferences ? { preferences: body.preferences as Account['preferences'] } : {}),
    ...(body.specialTerms !== undefined ? { specialTerms: body.specialTerms } : {}),
  };
}

/** The account a 409 answer's details carry (`{ account }`), checked only as far as it is read here. */
export function conflictAccount(details: unknown): Account | null {
  if (typeof details !== 'object' || details === null || !('account' in details)) return null;
  const a = (details as { account: unknown }).account as Partial<Account> | null;
  const ok = typeof a === 'object' && a !== null && typeof a.version === 'number' && typeof a.name === 'string'
    && Array.isArray(a.domains) && Array.isArray(a.team) && typeof a.preferences === 'object' && a.preferences !== null;
  return ok ? (a as Account) : null;
}
