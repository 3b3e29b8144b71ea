import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { toProblem } from '../../lib/messaging/problem-error';
import type { LayoutHealth } from '../../lib/messaging/protocol';
import { ask } from '../../lib/ui/ask';
import { problemText } from '../../lib/ui/problem-text';

type Step =
  | { step: 'idle' | 'busy' | 'copied' | 'no-tab' }
  /** The clipboard was refused: the report is shown to be copied by hand. */
  | { step: 'manual'; text: string }
  | { step: 'failed'; reason: string };

/**
 * "Copy layout report" under a site whose layout was not recognised: the background asks that
 * site's tab for its page's skeleton (no text, no addresses; lib/content/layout-report.ts), and
 * the report goes to the clipboard, or into a read-only box when the clipboard is refused.
 */
export function LayoutReportButton({ site, siteName }: { site: LayoutHealth['site']; siteName: string }) {
  const [state, setState] = useState<Step>({ step: 'idle' });

  async function copy(): Promise<void> {
    setState({ step: 'busy' });
    let text: string | null;
    try {
      text = await ask('getLayoutReport', { site });
    } catch (error) {
      setState({ step: 'failed', reason: problemText(toProblem(error)).title });
      return;
    }
    if (text === null) {
      setState({ step: 'no-tab' });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setState({ step: 'copied' });
    } catch {
      setState({ step: 'manual', text });
    }
  }

  const said = {
    idle: null,
    busy: t('popup_layout_report_busy'),
    copied: t('popup_layout_report_copied'),
    'no-tab': t('popup_layout_report_no_tab', siteName),
    manual: t('popup_layout_report_manual'),
    failed: state.step === 'failed' ? t('popup_layout_report_failed', state.reason) : null,
  }[state.step];
  return (
    <div class="layout-report">
      <button type="button" data-testid="copy-layout-report" disabled={state.step === 'busy'} onClick={() => void copy()}>
        {t('popup_layout_report_copy')}
      </button>
      <p role="status" class="muted" data-testid="layout-report-status">{said}</p>
      {state.step === 'manual' && (
        <textarea
          readOnly
          rows={8}
          value={state.text}
          aria-label={t('popup_layout_report_label')}
          data-testid="layout-report-text"
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </div>
  );
}
