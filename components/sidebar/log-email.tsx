import { useEffect, useState } from 'preact/hooks';
import type { Contact } from '../../lib/api';
import { t } from '../../lib/i18n';
import { dateFormat } from '../../lib/intl-cache';
import type { SidebarContext } from '../../lib/messaging/sidebar-context';
import { contactIdsFor, emailInteraction, enteredSentAt, loggedEntry, type SentAtProblem } from '../../lib/sidebar/email-log';
import { requestBody } from '../../lib/sidebar/frame-link';
import { toProblem } from '../../lib/messaging/problem-error';
import { useTimeline } from '../../lib/sidebar/queries';
import { useSentAt } from '../../lib/sidebar/use-sent-at';
import { useFolded } from '../../lib/sidebar/folds';
import type { QueuedWrites } from '../../lib/sidebar/use-queued-writes';
import { ProblemView } from '../common/problem-view';
import { FoldHeading } from './fold-heading';
import { WriteStatusList } from './write-status';

interface Props {
  context: SidebarContext;
  accountId: string;
  contacts: readonly Contact[];
  writes: QueuedWrites;
}

const EMAILS = ['email'] as const;

type SentAtFieldView = typeof import('./sent-at-field').SentAtField;

/** The sent-time field, loaded only for an email whose page shows no date we can read. */
function useSentAtField(needed: boolean): SentAtFieldView | null {
  const [view, setView] = useState<SentAtFieldView | null>(null);
  useEffect(() => {
    if (!needed || view) return;
    let live = true;
    void import('./sent-at-field').then((m) => live && setView(() => m.SentAtField));
    return () => { live = false; };
  }, [needed, view]);
  return view;
}

/** Adds the open email to the client's history; its text only if the user asks for it. */
export function LogEmail({ context, accountId, contacts, writes }: Props) {
  // The newest emails of the account: where a logged copy of this thread would be.
  const timeline = useTimeline(accountId, EMAILS);
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound');
  const [includeText, setIncludeText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [noBody, setNoBody] = useState(false);
  const [entered, setEntered] = useState('');
  const [sentAtProblem, setSentAtProblem] = useState<SentAtProblem | null>(null);
  const sent = useSentAt(context);
  const SentAtField = useSentAtField(!sent.reading && sent.at === null);
  const logged = loggedEntry(timeline.data?.pages.flatMap((p) => p.value.items) ?? [], context.threadId);
  const mine = writes.writes.filter((w) => w.group === 'email');
  const folded = useFolded('log');

  const log = async () => {
    // The page's own date, or the one the user entered: never the time of this click.
    let sentAt = sent.at;
    if (sentAt === null) {
      const checked = enteredSentAt(entered, new Date());
      setSentAtProblem(checked.ok ? null : checked.problem);
      if (!checked.ok) return;
      sentAt = checked.at;
    }
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
          accountId, threadId: context.threadId, subject: context.subject, sentAt, direction,
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
      <FoldHeading fold="log" id="log-heading" aside={logged ? <span class="fold-aside" aria-hidden="true">✓</span> : undefined}>
        {t('sidebar_log_heading')}
      </FoldHeading>
      {!folded && (
        <div id="log-body">
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
              {sent.at !== null ? (
                <p class="small muted" data-testid="log-sent">{t('sidebar_log_sent', dateFormat(document.documentElement.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(sent.at)))}</p>
              ) : SentAtField && (
                <SentAtField value={entered} onInput={(value) => { setEntered(value); setSentAtProblem(null); }} problem={sentAtProblem} />
              )}
              <label class="check">
                <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText((e.currentTarget as HTMLInputElement).checked)} />
                {t('sidebar_log_include_text')}
              </label>
              <div class="actions">
                <button type="button" onClick={() => void log()} disabled={busy || sent.reading || (sent.at === null && !SentAtField)}>{t('sidebar_log_button')}</button>
              </div>
            </>
          )}
          {noBody && <p class="field-error" role="alert">{t('sidebar_log_no_body')}</p>}
          {failure !== null && <ProblemView problem={toProblem(failure)} />}
        </div>
      )}
    </section>
  );
}
