import type { Account } from '../api';
import { changedFields, fieldName, versionRows } from '../ui/account-fields';
import { applyEdit, type AccountChange, type AccountEdit } from './account-overlay';

/** What a change is about, to recognise it among the writes: "Owner, Agreed rhythm". */
export function changeLabel(change: AccountChange): string {
  return changedFields(change).map(fieldName).join(', ');
}

/** Each field a refused change set: how it would have left the account, and how the CRM has it now. */
export function conflictRows(edit: AccountEdit, theirs: Account) {
  return versionRows(edit.change, applyEdit(theirs, edit), theirs);
}
