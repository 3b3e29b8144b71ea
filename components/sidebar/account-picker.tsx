import { useId, useState } from 'preact/hooks';
import type { AccountHit } from '../../lib/api';
import { t } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import { handleListboxKey } from '../../lib/ui/listbox-keys';
import { problemText } from '../../lib/ui/problem-text';
import { useAccountSearch } from '../../lib/ui/use-attention';

/** The most accounts listed at once: a few lines of a narrow sidebar. */
const SHOWN_MAX = 8;

/**
 * An existing account found by typing (its name, a domain or the start of an address), as the
 * client search of Today finds one: the CRM is asked once typing pauses; ↓/↑ move through the
 * results (announced with aria-activedescendant, the focus stays in the box), Enter picks,
 * Escape clears. Enter never sends the form from here.
 */
export function AccountPicker({ onPick }: { onPick: (account: AccountHit) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const search = useAccountSearch(typed);
  const hits = search.settled && search.data ? search.data.items.slice(0, SHOWN_MAX) : [];
  const open = typed.trim() !== '' && hits.length > 0;
  const optionId = (i: number) => `${id}-hit-${i}`;
  function onKeyDown(event: KeyboardEvent) {
    // Enter in the box picks an account, never submits the contact form around it.
    if (event.key === 'Enter' && typed.trim() !== '') event.preventDefault();
    handleListboxKey(event, hits, active, typed, { move: setActive, clear: () => setTyped(''), pick: onPick });
  }
  return (
    <div class="field account-picker">
      <label for={`${id}-box`}>{t('sidebar_contact_account')}</label>
      <input id={`${id}-box`} type="search" role="combobox" autocomplete="off" maxLength={200} value={typed}
        aria-expanded={open} aria-controls={`${id}-hits`} aria-autocomplete="list" aria-describedby={`${id}-hint`}
        aria-activedescendant={open ? optionId(Math.min(active, hits.length - 1)) : undefined}
        onInput={(e) => { setTyped(e.currentTarget.value); setActive(0); }} onKeyDown={onKeyDown} />
      <p id={`${id}-hint`} class="muted small">{t('sidebar_contact_account_hint')}</p>
      <ul id={`${id}-hits`} role="listbox" aria-label={t('sidebar_contact_account_results')} class="account-hits" hidden={!open}>
        {hits.map((hit, i) => (
          <li key={hit.id} id={optionId(i)} role="option" aria-selected={i === Math.min(active, hits.length - 1)} data-testid="account-hit"
            onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(hit)}>
            <span class="hit-name">{hit.name}</span>
            {hit.domains.length > 0 && <span class="muted small">{` · ${hit.domains.slice(0, 2).join(' · ')}`}</span>}
          </li>
        ))}
      </ul>
      {typed.trim() !== '' && search.settled && search.isFetching && <p class="muted small" role="status">{t('search_searching')}</p>}
      {typed.trim() !== '' && search.settled && search.data?.items.length === 0 && (
        <p class="muted small" role="status">{t('sidebar_contact_account_none', typed.trim())}</p>
      )}
      {search.isError && <p class="field-error" role="alert">{problemText(toProblem(search.error)).title}</p>}
    </div>
  );
}
