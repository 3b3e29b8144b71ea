import { t } from '../../lib/i18n';
import { prefillContact } from '../../lib/sidebar/contact-draft';
import type { Participant } from '../../lib/sidebar/participants';
import { useFocusReturn } from '../../lib/sidebar/use-focus-return';
import { useScoped } from '../../lib/sidebar/use-scoped';
import { contactFormsOpen } from '../../lib/sidebar/kept-drafts';
import { lazyComponent } from '../../lib/sidebar/lazy';

// Opened on request only: loaded on demand, out of the sidebar's first bundle.
const AddContactForm = lazyComponent(() => import('./add-contact-form').then((m) => m.AddContactForm));

/** Someone the CRM doesn't know: say so, and offer to add them (nothing is created unless asked). */
export function UnknownSender({ scope, person }: { scope: string; person: Participant }) {
  const [adding, setAdding] = useScoped(scope, false, contactFormsOpen);
  const opener = useFocusReturn(adding, scope);
  return (
    <section class="panel" aria-labelledby="unknown-heading">
      <h2 id="unknown-heading">{t('sidebar_not_in_crm')}</h2>
      <p data-testid="unknown">{t('sidebar_unknown', person.email)}</p>
      {adding ? (
        <AddContactForm scope={scope} initial={prefillContact(person, null)} accountName={null} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" ref={opener} onClick={() => setAdding(true)}>{t('sidebar_add_contact')}</button>
      )}
    </section>
  );
}
