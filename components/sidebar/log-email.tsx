import { useState } from 'preact/hooks';
import type { Contact } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { SidebarContext } from '../../lib/messaging/sidebar-context';
import { contactIdsFor, emailInteraction, loggedEntry } from '../../lib/sidebar/email-log';
import { requestBody } from '../../lib/sidebar/frame-link';
import { toProblem } from '../../lib/messaging/problem-error';
import { useTimeline } from '../../lib/sidebar/queries';
import type { QueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { ProblemView } from '../common/problem-view';
import { WriteStatusList } from './write-status';

interface Props {
  context: SidebarContext;
  accountId: string;
  contacts: readonly Contact[];
  writes: QueuedWrites;
}

const EMAILS = ['email'] as const;

/** Adds the open email to the client's history; its text only if the user asks for it. */
export function LogEmail({ context, accountId, contacts, writes }: Props) {
  // The newest emails of the account: where a logged copy of this thread would be.
  const timeline = useTimeline(accountId, EMAILS);
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound');
  const [includeText, setIncludeText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [noBody, setNoBody] = useState(false);
  const logged = loggedEntry(timeline.data?.pages.flatMap((p) => p.value.items) ?? [], context.threadId);
  const mine = writes.writes.filter((w) => w.group === 'email');

  const log = async () => {
    setBusy(true);
    setFailure(null);
    setNoBody(false);
    try {
      let body: string | null = null;
      if (includeText) {
        try {
          body = await requestBody();
        } catch {
          // Nothing is logged without the text the user asked to include.
          setNoBody(true);
          return;
        }
      }
      const built = emailInteraction(
        {
          accountId, threadId: context.threadId, subject: context.subject, sentAt: context.sentAt, direction,
          contactIds: contactIdsFor(context.participants, contacts), body,
        },
        t('sidebar_email_no_subject'),
      );
      if (!built.ok) throw new Error(built.message);
      await writes.queue({ type: 'interaction', body: built.body }, context.subject || t('sidebar_email_no_subject'), 'email');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="log-heading" data-testid="log-email">
      <h2 id="log-heading">{t('sidebar_log_heading')}</h2>
      {logged ? (
        <p data-testid="thread-logged"><span aria-hidden="true">✓ </span>{t('sidebar_log_done')}</p>
      ) : mine.length > 0 ? (
        <WriteStatusList writes={mine} onRetry={(key) => void writes.retry(key)} label={t('sidebar_log_heading')} />
      ) : (
        <>
          <fieldset class="kinds">
            <legend class="small muted">{t('sidebar_log_direction')}</legend>
            <label class="kind-choice">
              <input type="radio" name="direction" checked={direction === 'inbound'} onChange={() => setDirection('inbound')} />
              {t('sidebar_log_inbound')}
            </label>
            <label class="kind-choice">
              <input type="radio" name="direction" checked={direction === 'outbound'} onChange={() => setDirection('outbound')} />
              {t('sidebar_log_outbound')}
            </label>
          </fieldset>
          <label class="check">
            <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText((e.currentTarget as HTMLInputElement).checked)} />
            {t('sidebar_log_include_text')}
          </label>
          <div class="actions">
            <button type="button" onClick={() => void log()} disabled={busy}>{t('sidebar_log_button')}</button>
          </div>
        </>
      )}
      {noBody && <p class="field-error" role="alert">{t('sidebar_log_no_body')}</p>}
      {failure !== null && <ProblemView problem={toProblem(failure)} />}
    </section>
  );
}
