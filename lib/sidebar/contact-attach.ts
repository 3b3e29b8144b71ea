import { ContactEmailsAdd } from '../api';
import { t } from '../i18n';
import type { WriteInput } from '../messaging/write';
import { contactFromDraft } from './contact-check';
import type { ContactDraft, ContactErrors } from './contact-draft';

/** The account a new person joins: one picked, or the one their domain belongs to. */
export interface ChosenAccount { id: string; name: string }

/**
 * Who the sender is: someone new (a contact at `account`, or at a new account named in the form
 * when it is null), or a contact the CRM has already (`contactId`), who gets this address.
 */
export interface ContactTarget { account: ChosenAccount | null; contactId: string | null }

/**
 * The write for the outbox, or what the user must fix: a new contact (joining the chosen account
 * or creating one), or the sender's address added to a contact of the chosen account.
 */
export function contactWrite(draft: ContactDraft, target: ContactTarget): { ok: true; write: WriteInput } | { ok: false; errors: ContactErrors } {
  if (target.account && target.contactId) {
    const body = { emails: [draft.email.trim()] };
    if (!ContactEmailsAdd.safeParse(body).success) return { ok: false, errors: { email: t('sidebar_field_email') } };
    return { ok: true, write: { type: 'contact-emails', contactId: target.contactId, accountId: target.account.id, body } };
  }
  const checked = contactFromDraft({ ...draft, accountId: target.account?.id ?? null });
  return checked.ok ? { ok: true, write: { type: 'contact', body: checked.body } } : checked;
}

/** The account shown in the form: the one picked; none when the user chose a new one; else the prefilled one. */
export function chosenAccount(picked: ChosenAccount | null | undefined, prefilled: ChosenAccount | null): ChosenAccount | null {
  return picked === undefined ? prefilled : picked;
}
