import type { Account, UserRef } from '../api';
import { t, tn, type MessageKey } from '../i18n';
import { changedFields, type ChangeField } from './account-edit';
import { applyEdit, type AccountChange, type AccountEdit } from './account-overlay';
import { stageName } from './stages';

const FIELD_NAME: Record<ChangeField, MessageKey> = {
  stage: 'sidebar_field_stage',
  ownerId: 'sidebar_field_owner',
  teamMemberIds: 'sidebar_field_team',
  cadenceDays: 'sidebar_change_rhythm',
  preferences: 'sidebar_prefs_heading',
  specialTerms: 'sidebar_pref_terms',
};

export const fieldName = (field: ChangeField): string => t(FIELD_NAME[field]);

/** What a change is about, to recognise it among the writes: "Owner, Agreed rhythm". */
export function changeLabel(change: AccountChange): string {
  return changedFields(change).map(fieldName).join(', ');
}

const names = (people: readonly UserRef[]) => (people.length === 0 ? t('sidebar_value_none') : people.map((p) => p.name).join(', '));
const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : t('sidebar_value_none'));

function preferencesText(p: Account['preferences']): string {
  const parts: [MessageKey, string | undefined][] = [
    ['sidebar_pref_channel', p.channel], ['sidebar_pref_language', p.language],
    ['sidebar_pref_payment', p.paymentTerms], ['sidebar_pref_style', p.workingStyle],
  ];
  const known = parts.filter(([, v]) => v && v.trim() !== '').map(([k, v]) => `${t(k)}: ${v}`);
  return known.length === 0 ? t('sidebar_value_none') : known.join('; ');
}

/** One field of an account in words, as a person compares two versions. */
export function accountFieldText(account: Account, field: ChangeField): string {
  switch (field) {
    case 'stage':
      return stageName(account.stage);
    case 'ownerId':
      return account.owner ? account.owner.name : t('sidebar_no_owner');
    case 'teamMemberIds':
      return names(account.team);
    case 'cadenceDays':
      return account.cadenceDays === null ? t('sidebar_rhythm_none') : tn('n_days', account.cadenceDays);
    case 'preferences':
      return preferencesText(account.preferences);
    case 'specialTerms':
      return text(account.specialTerms);
  }
}

/** Each field a refused change set: how it would have left the account, and how the CRM has it now. */
export function conflictRows(edit: AccountEdit, theirs: Account) {
  const mine = applyEdit(theirs, edit);
  return changedFields(edit.change).map((field) => ({
    field,
    name: fieldName(field),
    mine: accountFieldText(mine, field),
    theirs: accountFieldText(theirs, field),
  }));
}
