import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { LogCallForm } from './log-call-form';
import { OpenInMail } from './row-actions';

interface Props {
  account: { id: string; name: string };
  /** What the row is about, in one line (the risk's reasons, the rhythm's due date). */
  line: string;
  level?: 'watch' | 'at-risk';
  testId: string;
  onOpenClient: (account: { id: string; name: string }) => void;
}

/** A client that needs a touch: why, in one line, with Log a call and Open in mail in place. */
export function AccountRow({ account, line, level, testId, onOpenClient }: Props) {
  const [state, setState] = useState<'idle' | 'logging' | 'logged'>('idle');
  return (
    <li class={level ? `today-row ${level}` : 'today-row'} data-testid={testId} data-level={level}>
      <p class="today-main">
        <button type="button" class="link" onClick={() => onOpenClient(account)} aria-label={t('today_open_client', account.name)}>{account.name}</button>
      </p>
      <p class="today-line">{line}</p>
      {state === 'logging' ? (
        <LogCallForm accountId={account.id} accountName={account.name} onDone={() => setState('logged')} onCancel={() => setState('idle')} />
      ) : (
        <div class="today-actions">
          {state === 'logged' ? (
            <span class="today-status" role="status"><span aria-hidden="true">✓ </span>{t('today_call_logged')}</span>
          ) : (
            <button type="button" class="small-button" onClick={() => setState('logging')} aria-label={t('today_log_call_label', account.name)}>{t('today_log_call')}</button>
          )}
          <OpenInMail accountId={account.id} accountName={account.name} />
        </div>
      )}
    </li>
  );
}
