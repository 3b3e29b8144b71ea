import { t } from '../../lib/i18n';
import type { LookupItem } from '../../lib/messaging/protocol';
import { ProblemView } from '../common/problem-view';
import { AccountOverview } from './account-overview';
import { ContactCard } from './contact-card';

/** What the CRM knows about one address, or why there is nothing to show. */
export function LookupResult({ item, onRetry }: { item: LookupItem; onRetry: () => void }) {
  switch (item.match) {
    case 'contact':
      return (
        <>
          <ContactCard name={item.contact.name} role={item.contact.role} account={item.account.name} />
          <AccountOverview summary={item.account} />
        </>
      );
    case 'account-domain':
      return (
        <>
          <section class="card contact-card">
            <p class="contact-name" data-testid="account-name">{item.account.name}</p>
            <p class="contact-role">{t('sidebar_domain_match')}</p>
          </section>
          <AccountOverview summary={item.account} />
        </>
      );
    case 'unknown':
      return <p class="card" data-testid="unknown">{t('sidebar_unknown', item.email)}</p>;
    case 'excluded':
      return (
        <p class="card" data-testid="excluded">
          {t(item.reason === 'colleague' ? 'sidebar_excluded_colleague' : 'sidebar_excluded_never', item.email)}
        </p>
      );
    case 'not-an-address':
      return <p class="card">{t('sidebar_not_address', item.email)}</p>;
    case 'unavailable':
      return <ProblemView problem={item.problem} onRetry={onRetry} />;
  }
}
