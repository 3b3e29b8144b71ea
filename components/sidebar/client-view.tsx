import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { LookupMatch, User } from '../../lib/api';
import type { SidebarContext } from '../../lib/messaging/sidebar-context';
import { prefillContact } from '../../lib/sidebar/contact-draft';
import { useFrameMessage } from '../../lib/sidebar/frame-link';
import { useAccount, useOpenCommitments } from '../../lib/sidebar/queries';
import { useAfterPaint } from '../../lib/sidebar/use-after-paint';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';
import { useQueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { t } from '../../lib/i18n';
import { contactFormsOpen } from '../../lib/sidebar/kept-drafts';
import { lazyComponent } from '../../lib/sidebar/lazy';

import { CommitmentsSection } from './commitments-section';
import { HeaderCard } from './header-card';
import { QuickNote } from './quick-note';
import { RiskSection } from './risk-section';

// Opened on request only: loaded on demand, out of the sidebar's first bundle.
const AddContactForm = lazyComponent(() => import('./add-contact-form').then((m) => m.AddContactForm));
// Below the glance, drawn after the first paint anyway: loaded on demand too.
const LogEmail = lazyComponent(() => import('./log-email').then((m) => m.LogEmail));
const PreferencesSection = lazyComponent(() => import('./preferences-section').then((m) => m.PreferencesSection));
const TimelineSection = lazyComponent(() => import('./timeline-section').then((m) => m.TimelineSection));

type Known = Extract<LookupMatch, { match: 'contact' | 'account-domain' }>;

interface Props {
  /** The thread and person shown: everything typed, queued or opened here belongs to it. */
  scope: string;
  item: Known;
  context: SidebarContext | null;
  user: User | null;
  people: ComponentChildren;
}

/** A known client: who they are, what is at risk, what we promised, what happened, and a note. */
export function ClientView({ scope, item, context, user, people }: Props) {
  const summary = item.account;
  // The account's details (team, contacts, preferences) are asked for once the promises are in:
  // they matter less, and a CRM on its embedded database answers one question at a time.
  const promises = useOpenCommitments(summary.id);
  const detail = useAccount(promises.isPending ? null : summary.id);
  const writes = useQueuedWrites(scope);
  const riskRef = useRef<HTMLElement>(null);
  const noteRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  const [addingContact, setAddingContact] = useScoped(scope, false, contactFormsOpen);
  // The email log, preferences and history come a frame later: the header, risk and promises first.
  const painted = useAfterPaint(scope);
  const addOpener = useFocusReturn(addingContact, scope);
  useFrameMessage('crm:show-risk', () => {
    riskRef.current?.scrollIntoView({ block: 'start' });
    riskRef.current?.focus();
  });
  useFrameMessage('crm:focus-note', () => noteRef.current?.focus());

  const account = detail.data?.value.account ?? null;
  const contactId = item.match === 'contact' ? item.contact.id : null;
  const contactIds = contactId ? [contactId] : [];
  return (
    <>
      {/* At a glance, in the order a reply needs them: who, what is at risk, what we promised, a note. */}
      <HeaderCard item={item} account={account} />
      <RiskSection risk={summary.risk} sectionRef={riskRef} />
      <CommitmentsSection scope={scope} summary={summary} user={user} account={account} writes={writes} contactId={contactId} />
      <QuickNote scope={scope} accountId={summary.id} contactIds={contactIds} threadId={context?.threadId ?? null} writes={writes} inputRef={noteRef} />
      {people}
      {item.match === 'account-domain' && (
        <section class="panel" aria-label={t('sidebar_add_contact')}>
          {addingContact ? (
            <AddContactForm key={scope} scope={scope} initial={prefillContact({ name: '', email: item.email }, summary)} accountName={summary.name} onCancel={() => setAddingContact(false)} />
          ) : (
            <button type="button" ref={addOpener} onClick={() => setAddingContact(true)}>{t('sidebar_add_contact')}</button>
          )}
        </section>
      )}
      {painted && context && <LogEmail key={scope} context={context} accountId={summary.id} contacts={detail.data?.value.contacts ?? []} writes={writes} />}
      {painted && account && <PreferencesSection account={account} />}
      {painted && <TimelineSection accountId={summary.id} contacts={detail.data?.value.contacts ?? []} />}
    </>
  );
}
