import type { Account, LookupMatch } from '../../lib/api';
import { t } from '../../lib/i18n';
import { describeLastContact, describeRhythm, isPastRhythm } from '../../lib/sidebar/contact-rhythm';
import { StageLadder } from './stage-ladder';

type Known = Extract<LookupMatch, { match: 'contact' | 'account-domain' }>;

/** Who wrote, their account, its stage, who looks after it, and how long since we talked. */
export function HeaderCard({ item, account }: { item: Known; account: Account | null }) {
  const summary = item.account;
  const now = Date.now();
  const late = isPastRhythm(summary.lastContactAt, summary.cadenceDays, now);
  const rhythm = describeRhythm(summary.cadenceDays);
  const team = account?.team.filter((m) => m.id !== summary.owner?.id).map((m) => m.name) ?? [];
  return (
    <header class="card contact-card" aria-labelledby="client-name">
      {item.match === 'contact' ? (
        <>
          <h1 id="client-name" class="contact-name line" data-testid="contact-name" title={item.contact.name}>{item.contact.name}</h1>
          <p class="contact-role line">{item.contact.role ?? ' '}</p>
        </>
      ) : (
        <>
          <h1 id="client-name" class="contact-name line" title={item.email}>{item.email}</h1>
          <p class="contact-role line" data-testid="domain-match">{t('sidebar_domain_match')}</p>
        </>
      )}
      <p class="account-line line" data-testid="account-name" title={summary.name}>{summary.name}</p>
      <StageLadder stage={summary.stage} />
      <p class="line" title={team.join(', ')}>
        <span class="muted">{t('sidebar_owner_label')}: </span>
        <span data-testid="owner">{summary.owner ? summary.owner.name : t('sidebar_no_owner')}</span>
        {team.length > 0 && <span data-testid="team" class="muted">{` · ${t('sidebar_team_with', team.join(', '))}`}</span>}
      </p>
      <p class="line" data-testid="last-contact" data-late={late ? 'true' : undefined}>
        {late && <span aria-hidden="true">⏰ </span>}
        {t('sidebar_last_contact', describeLastContact(summary.lastContactAt, now))}
        {rhythm && <span class={late ? 'late' : 'muted'}>{` · ${rhythm}`}</span>}
      </p>
    </header>
  );
}
