import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { ProblemError } from '../../lib/messaging/problem-error';
import { mailQueryFor } from '../../lib/ui/attention-lines';
import { ask } from '../../lib/ui/ask';
import { openInMail } from '../../lib/ui/open-in-mail';
import { problemText } from '../../lib/ui/problem-text';

/** An action's failure in the user's words: the CRM's problem worded, or the page's own message. */
export function errorText(error: unknown): string {
  if (error instanceof ProblemError) return problemText(error.problem).title;
  return error instanceof Error ? error.message : String(error);
}

/**
 * "Open in mail": the client's domains and addresses (from its cached account) searched for by
 * the mail site itself, in the mail tab this page belongs to.
 */
export function OpenInMail({ accountId, accountName }: { accountId: string; accountName: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function open() {
    setBusy(true);
    setProblem(null);
    try {
      const { value } = await ask('getAccount', { accountId });
      const query = mailQueryFor(value.account.domains, value.contacts.flatMap((c) => c.emails));
      if (query === '') throw new Error(t('today_no_mail_query'));
      await openInMail(query);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" class="small-button" onClick={() => void open()} disabled={busy} aria-label={t('today_open_in_mail_label', accountName)}>
        {t('today_open_in_mail')}
      </button>
      {problem && <p class="today-problem" role="alert">{problem}</p>}
    </>
  );
}
