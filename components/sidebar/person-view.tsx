import type { ComponentChildren } from 'preact';
import type { User } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { SidebarContext } from '../../lib/messaging/sidebar-context';
import type { Participant } from '../../lib/sidebar/participants';
import { ProblemView } from '../common/problem-view';
import { ClientView } from './client-view';
import { UnknownSender } from './unknown-sender';

interface Props {
  /** The thread and the person: what is typed or shown for one is never shown for another. */
  scope: string;
  person: Participant;
  context: SidebarContext | null;
  user: User | null;
  onRetry: () => void;
  /** The thread's people: after a client's glance (header, risk, promises, note), else under what is shown. */
  people: ComponentChildren;
}

/**
 * What the CRM knows about one participant, or why there is nothing to show. The client view
 * stays mounted from client to client (it keeps what belongs to each apart by `scope`), so
 * moving between threads updates it instead of building it anew; the rest start afresh.
 */
export function PersonView({ scope, person, context, user, onRetry, people }: Props) {
  const { item } = person;
  switch (item.match) {
    case 'contact':
    case 'account-domain':
      return <ClientView scope={scope} item={item} context={context} user={user} people={people} />;
    case 'unknown':
      return <><UnknownSender key={scope} scope={scope} person={person} />{people}</>;
    case 'excluded':
      return (
        <>
          <p class="note-box" data-testid="excluded">
            {t(item.reason === 'colleague' ? 'sidebar_excluded_colleague' : 'sidebar_excluded_never', item.email)}
          </p>
          {people}
        </>
      );
    case 'not-an-address':
      return <><p class="note-box">{t('sidebar_not_address', item.email)}</p>{people}</>;
    case 'unavailable':
      return <><ProblemView problem={item.problem} onRetry={onRetry} />{people}</>;
  }
}
