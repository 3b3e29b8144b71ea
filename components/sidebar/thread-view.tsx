import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { accountOf, firstToShow, matchNamedPeople, pairParticipants } from '../../lib/sidebar/participants';
import { peopleOf, sourceKey, type SidebarSource } from '../../lib/sidebar/source';
import { toProblem } from '../../lib/messaging/problem-error';
import { useAccount, useLookup, useStatus } from '../../lib/sidebar/queries';
import { ProblemView } from '../common/problem-view';
import { OfflineBanner } from './offline-banner';
import { ParticipantsSection } from './participants-section';
import { PersonView } from './person-view';
import { SidebarSkeleton } from './sidebar-skeleton';

type Shown = Extract<SidebarSource, { kind: 'thread' | 'email' }>;

/** One thread (or address): every participant looked up at once, one of them shown in full. */
export function ThreadView({ source }: { source: Shown }) {
  const people = peopleOf(source);
  const lookup = useLookup(people.map((p) => p.email));
  const status = useStatus();
  // The person picked belongs to the thread it was picked in: another thread starts from its first.
  const thread = sourceKey(source);
  const [choice, setChoice] = useState<{ thread: string; index: number } | null>(null);
  const picked = choice?.thread === thread ? choice.index : null;
  const setPicked = (index: number) => setChoice({ thread, index });
  const context = source.kind === 'thread' ? source.context : null;
  const participants = lookup.data ? pairParticipants(people, lookup.data) : [];
  const index = picked ?? firstToShow(participants);
  const shown = participants[index] ?? participants[0];
  const account = shown ? accountOf(shown.item) : null;
  const detail = useAccount(context && context.nameOnly.length > 0 ? (account?.id ?? null) : null);

  if (people.length === 0) {
    const named = context?.nameOnly ?? [];
    return (
      <main class="sidebar" aria-label={t('sidebar_title')}>
        <p class="note-box muted" data-testid="no-participants">
          {t(named.length > 0 ? 'sidebar_names_only' : 'sidebar_no_participants')}
        </p>
        {named.length > 0 && (
          <ParticipantsSection participants={[]} selected={-1} onSelect={setPicked} named={matchNamedPeople(named, [])} account={null} focusSelected={false} />
        )}
      </main>
    );
  }
  if (lookup.isPending || (lookup.isError && lookup.isFetching)) return <SidebarSkeleton />;
  if (lookup.isError) {
    return (
      <main class="sidebar" aria-label={t('sidebar_title')}>
        <ProblemView problem={toProblem(lookup.error)} onRetry={() => void lookup.refetch()} />
      </main>
    );
  }
  return (
    <main class="sidebar" aria-label={t('sidebar_title')}>
      <OfflineBanner status={status.data} />
      {shown && (
        <PersonView
          scope={`${thread}|${shown.email}`}
          person={shown}
          context={context}
          user={status.data?.user?.user ?? null}
          onRetry={() => void lookup.refetch()}
          people={context && (
            <ParticipantsSection
              participants={participants}
              selected={index}
              onSelect={setPicked}
              named={matchNamedPeople(context.nameOnly, detail.data?.value.contacts ?? [])}
              account={account}
              focusSelected={picked !== null}
            />
          )}
        />
      )}
    </main>
  );
}
