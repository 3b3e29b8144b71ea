import { emailDomain, isFreeMailDomain, NewContact } from '../api';
import { t } from '../i18n';
import type { ContactDraft, ContactErrors } from './contact-draft';

// Apart from contact-draft.ts: the write's schema (and zod) loads with the add-contact form,
// while the first screen only prefills it.

/** The write for the CRM, or one message per field the user must fix. */
export function contactFromDraft(draft: ContactDraft): { ok: true; body: NewContact } | { ok: false; errors: ContactErrors } {
  const domain = emailDomain(draft.email);
  const body: NewContact = {
    name: draft.name,
    emails: [draft.email],
    role: draft.role.trim() || null,
    ...(draft.accountId
      ? { accountId: draft.accountId }
      : { newAccount: { name: draft.company, domains: domain && !isFreeMailDomain(domain) ? [domain] : [] } }),
  };
  const errors: ContactErrors = {};
  if (draft.name.trim() === '') errors.name = t('sidebar_field_required');
  if (!draft.accountId && draft.company.trim() === '') errors.company = t('sidebar_field_required');
  const parsed = NewContact.safeParse(body);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, body };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'emails') errors.email ??= t('sidebar_field_email');
    else if (first === 'newAccount' && second === 'name') errors.company ??= issue.message;
    else errors.name ??= issue.message;
  }
  return { ok: false, errors };
}
