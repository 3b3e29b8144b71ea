import { useState } from 'preact/hooks';
import type { Account, LookupMatch } from '../../lib/api';
import { t } from '../../lib/i18n';
import { describeLastContact, describeRhythm, isPastRhythm } from '../../lib/sidebar/contact-rhythm';
import { useShownAccount } from '../../lib/sidebar/account-shown';
import { lazyComponent } from '../../lib/sidebar/lazy';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';
import { StageLadder } from './stage-ladder';

// Loaded on demand, when the facts are first edited; it then stays, to say what became of the
// changes and to publish the account as they leave it (`account-shown.ts`).
const AccountFactsPanel = lazyComponent(() => import('./account-facts-panel').then((m) => m.AccountFactsPanel));

type Known = Extract<LookupMatch, { match: 'contact' | 'account-domain' }>;

/** Accounts whose facts were edited while this page lives. */
const EDITED = new Set<string>();

/**
 * Who wrote, their account, its stage, who looks after it, and how long since we talked. Once
 * the account is in, its facts can be edited (the form opens below the card, which keeps its
 * height); a change on its way is shown at once.
 */
export function HeaderCard({ item, account: server }: { item: Known; account: Account | null }) {
  const summary = item.account;
  const { account, pending } = useShownAccount(summary.id, server);
  const name = account?.name ?? summary.name;
  const stage = account?.stage ?? summary.stage;
  const owner = account ? account.owner : summary.owner;
  const cadenceDays = account ? account.cadenceDays : summary.cadenceDays;
  const now = Date.now();
  const late = isPastRhythm(summary.lastContactAt, cadenceDays, now);
  const rhythm = describeRhythm(cadenceDays);
  const team = account?.team.filter((m) => m.id !== owner?.id).map((m) => m.name) ?? [];
  // The account whose facts are being edited: another client shown closes the form.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === summary.id;
  const open = () => {
    EDITED.add(summary.id);
    setEditingId(editing ? null : summary.id);
  };
  const opener = useFocusReturn(editing, summary.id);
  return (
    <>
      <header class="card contact-card" aria-labelledby="client-name" data-pending={pending ? 'true' : undefined}>
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
        <p class="account-line line" data-testid="account-name" title={name}>{name}</p>
        <StageLadder stage={stage} />
        <p class="line" title={team.join(', ')}>
          <span class="muted">{t('sidebar_owner_label')}: </span>
          <span data-testid="owner">{owner ? owner.name : t('sidebar_no_owner')}</span>
          {team.length > 0 && <span data-testid="team" class="muted">{` · ${t('sidebar_team_with', team.join(', '))}`}</span>}
        </p>
        <p class="line" data-testid="last-contact" data-late={late ? 'true' : undefined}>
          {late && <span aria-hidden="true">⏰ </span>}
          {t('sidebar_last_contact', describeLastContact(summary.lastContactAt, now))}
          {rhythm && <span class={late ? 'late' : 'muted'}>{` · ${rhythm}`}</span>}
        </p>
        {account && (
          <button type="button" class="small-button facts-edit" ref={opener} aria-expanded={editing} aria-label={t('sidebar_edit_facts_label')} onClick={open}>
            {t('sidebar_edit_facts')}
          </button>
        )}
      </header>
      {server && EDITED.has(server.id) && <AccountFactsPanel key={server.id} editing={editing} onClose={() => setEditingId(null)} server={server} />}
    </>
  );
}
