import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { DomainIssue } from '../../lib/sidebar/account-identity';
import type { FactsErrors } from '../../lib/sidebar/account-edit';
import { Field } from './field';

interface Props {
  name: string;
  domains: string;
  errors: FactsErrors;
  onInput: (next: { name?: string; domains?: string }) => void;
}

function issueText(issue: DomainIssue): string {
  switch (issue.reason) {
    case 'invalid':
      return t('sidebar_domain_invalid', issue.entry);
    case 'address':
      return t('sidebar_domain_address', issue.entry, issue.domain);
    case 'free-mail':
      return t('sidebar_domain_free_mail', issue.entry);
    case 'free-mail-address':
      return t('sidebar_domain_free_mail_address', issue.entry, issue.domain);
  }
}

/**
 * The client's name and the domains its people write from (senders at them are matched to it),
 * at the top of the facts form. Each domain that can't be kept is named with why, and what was
 * typed stays as it was to be put right.
 */
export function AccountIdentityFields({ name, domains, errors, onInput }: Props) {
  const ids = { domains: useId(), hint: useId(), errors: useId() };
  const nameError = errors.name === undefined ? undefined
    : errors.name === 'required' ? t('sidebar_field_required') : t('sidebar_field_too_long', errors.name.max);
  const bad = errors.domains;
  return (
    <>
      <Field label={t('sidebar_field_name')} value={name} onInput={(value) => onInput({ name: value })} error={nameError} />
      <div class="field">
        <label for={ids.domains}>{t('sidebar_field_domains')}</label>
        <textarea
          id={ids.domains}
          rows={2}
          value={domains}
          spellcheck={false}
          autoCapitalize="off"
          onInput={(e) => onInput({ domains: (e.currentTarget as HTMLTextAreaElement).value })}
          aria-invalid={bad ? true : undefined}
          aria-describedby={bad ? `${ids.hint} ${ids.errors}` : ids.hint}
        />
        <p id={ids.hint} class="muted small hint-line">{t('sidebar_domains_hint')}</p>
        {bad && (
          <ul id={ids.errors} class="field-error domain-errors" role="alert" data-testid="domain-errors">
            {bad.issues.map((issue, i) => <li key={i}>{issueText(issue)}</li>)}
            {bad.tooMany !== undefined && <li>{t('sidebar_domains_too_many', bad.tooMany)}</li>}
          </ul>
        )}
      </div>
    </>
  );
}
