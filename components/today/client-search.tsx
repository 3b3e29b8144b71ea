import { useState } from 'preact/hooks';
import type { AccountHit } from '../../lib/api';
import { t } from '../../lib/i18n';
import { describeLevel } from '../../lib/risk/describe';
import { handleListboxKey } from '../../lib/ui/listbox-keys';
import { useAccountSearch } from '../../lib/ui/use-attention';
import { errorText } from './row-actions';

/**
 * Any client one search away: the CRM asked once typing pauses; ↓/↑ move through the results
 * (announced with aria-activedescendant, the focus stays in the box), Enter opens, Escape clears.
 */
export function ClientSearch({ onOpen }: { onOpen: (account: AccountHit) => void }) {
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const search = useAccountSearch(typed);
  const hits = search.settled && search.data ? search.data.items : [];
  const open = typed.trim() !== '' && hits.length > 0;
  const optionId = (i: number) => `client-hit-${i}`;
  function onKeyDown(event: KeyboardEvent) {
    handleListboxKey(event, hits, active, typed, { move: setActive, clear: () => setTyped(''), pick: onOpen });
  }
  return (
    <div class="client-search">
      <label for="client-search">{t('search_label')}</label>
      <input id="client-search" type="search" role="combobox" autocomplete="off" maxLength={200} value={typed}
        aria-expanded={open} aria-controls="client-hits" aria-autocomplete="list" aria-describedby="client-search-hint"
        aria-activedescendant={open ? optionId(Math.min(active, hits.length - 1)) : undefined}
        onInput={(e) => { setTyped(e.currentTarget.value); setActive(0); }} onKeyDown={onKeyDown} />
      <p id="client-search-hint" class="muted small">{t('search_hint')}</p>
      <ul id="client-hits" role="listbox" aria-label={t('search_label')} class="client-hits" hidden={!open}>
        {hits.map((hit, i) => (
          <li key={hit.id} id={optionId(i)} role="option" aria-selected={i === active} data-testid="client-hit"
            onMouseDown={(e) => e.preventDefault()} onClick={() => onOpen(hit)}>
            <span class="hit-name">{hit.name}</span>
            <span class="muted small"> · {[...hit.domains.slice(0, 2), describeLevel(hit.riskLevel)].join(' · ')}</span>
          </li>
        ))}
      </ul>
      {typed.trim() !== '' && search.settled && search.isFetching && <p class="muted small" role="status">{t('search_searching')}</p>}
      {typed.trim() !== '' && search.settled && search.data?.items.length === 0 && <p class="muted small" role="status">{t('search_none', typed.trim())}</p>}
      {search.isError && <p class="today-problem" role="alert">{errorText(search.error)}</p>}
    </div>
  );
}
