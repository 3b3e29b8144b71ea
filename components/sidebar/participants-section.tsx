import { useEffect, useRef } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useFolded } from '../../lib/sidebar/folds';
import { isSingleThreaded, type NamedPerson, type Participant } from '../../lib/sidebar/participants';
import { FoldHeading } from './fold-heading';

function matchText(p: Participant): string {
  switch (p.item.match) {
    case 'contact':
      return t('sidebar_match_contact', p.item.account.name);
    case 'account-domain':
      return t('sidebar_match_domain', p.item.account.name);
    case 'unknown':
      return t('sidebar_match_unknown');
    case 'excluded':
      return t('sidebar_match_excluded');
    case 'not-an-address':
      return t('sidebar_match_not_address');
    case 'unavailable':
      return t('sidebar_match_unavailable');
  }
}

interface Props {
  participants: readonly Participant[];
  selected: number;
  onSelect: (index: number) => void;
  named: readonly NamedPerson[];
  /** The account of the person shown, for the single-threaded note. */
  account: AccountSummary | null;
  /** The user picked the person shown: keep the keyboard focus on their row. */
  focusSelected: boolean;
}

/** Everyone outside the company in this thread, what the CRM knows of each, and who is shown. */
export function ParticipantsSection({ participants, selected, onSelect, named, account, focusSelected }: Props) {
  const selectedRef = useRef<HTMLButtonElement>(null);
  const folded = useFolded('people');
  // The section may be drawn anew under the person's header (another kind of view); the chosen row keeps the focus.
  useEffect(() => {
    if (focusSelected) selectedRef.current?.focus();
  }, [focusSelected]);
  return (
    <section class="panel" aria-labelledby="people-heading" data-testid="participants">
      <FoldHeading fold="people" id="people-heading" aside={<span class="fold-aside fold-count">{participants.length + named.length}</span>}>
        {t('sidebar_people_heading')}
      </FoldHeading>
      {!folded && (
        <div id="people-body">
          <ul class="people">
            {participants.map((p, i) => (
              <li key={p.email} data-match={p.item.match}>
                <button
                  type="button"
                  class="person"
                  aria-pressed={i === selected}
                  ref={i === selected ? selectedRef : undefined}
                  onClick={() => onSelect(i)}
                >
                  <span class="person-name">{p.name || p.email}</span>
                  <span class="muted small">{p.name ? `${p.email} · ` : ''}{matchText(p)}</span>
                </button>
              </li>
            ))}
            {named.map((n, i) => (
              <li key={`named-${i}`} data-match={n.probably ? 'probably' : 'name-only'} class="person named">
                <span class="person-name">{n.name}</span>
                <span class="muted small">
                  {n.probably ? t('sidebar_probably', n.probably.name) : t('sidebar_name_only')}
                </span>
              </li>
            ))}
          </ul>
          {account && isSingleThreaded(account) && (
            <p class="hint" data-testid="single-threaded">
              <span aria-hidden="true">⚠ </span>{t('sidebar_single_threaded', account.name)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
