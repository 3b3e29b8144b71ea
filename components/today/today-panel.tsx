import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { AttentionOwner } from '../../lib/ui/use-attention';
import { ClientSearch } from './client-search';
import { SearchedClient } from './searched-client';
import { TodayView } from './today-view';
import './today.css';

/**
 * "My clients at a glance": a client search, then who needs me (or my team) today. Loaded on
 * demand (`import()`), in the popup and in the sidebar when no email is open or "Today" is pressed.
 */
export default function TodayPanel({ onBack }: { onBack?: () => void }) {
  const [client, setClient] = useState<string | null>(null);
  const [owner, setOwner] = useState<AttentionOwner>('me');
  if (client) return <SearchedClient accountId={client} onBack={() => setClient(null)} />;
  const openClient = (account: { id: string }) => setClient(account.id);
  return (
    <section class="today" aria-labelledby="today-title" data-testid="today">
      <div class="today-head">
        <h1 id="today-title">{t('today_title')}</h1>
        {onBack && <button type="button" class="small-button" onClick={onBack}>{t('today_back')}</button>}
      </div>
      <ClientSearch onOpen={openClient} />
      <fieldset class="today-owner">
        <legend class="muted small">{t('today_owner')}</legend>
        {(['me', 'team'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="today-owner" checked={owner === o} onChange={() => setOwner(o)} />
            {t(o === 'me' ? 'today_owner_me' : 'today_owner_team')}
          </label>
        ))}
      </fieldset>
      <TodayView owner={owner} onOpenClient={openClient} />
    </section>
  );
}
