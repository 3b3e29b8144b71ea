import { useEffect, useReducer, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { excerpt } from '../../lib/sidebar/history-edits';
import { UNDO_MS, type UndoOffer } from '../../lib/sidebar/use-history-changes';
import './history.css';

/** How soon after a delete its Undo still takes the focus. */
const FRESH_MS = 2000;

interface Props {
  offers: readonly UndoOffer[];
  onUndo: (offer: UndoOffer) => void;
  onDismiss: (offer: UndoOffer) => void;
}

/**
 * "Deleted" with an Undo, for a while after each delete. The newest one's Undo takes the focus
 * the Delete button had (that button went with its entry).
 */
export function HistoryUndo({ offers, onUndo, onDismiss }: Props) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const newest = useRef<HTMLButtonElement>(null);
  const shown = offers.filter((o) => o.until > Date.now());
  const last = shown.at(-1);
  useEffect(() => {
    for (const o of offers) if (o.until <= Date.now()) onDismiss(o);
    const next = Math.min(...shown.map((o) => o.until));
    if (!Number.isFinite(next)) return undefined;
    const timer = setTimeout(() => rerender(1), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  });
  // Only right after the delete: the history shown again later (another thread and back) takes no focus.
  useEffect(() => {
    if (last && last.until - UNDO_MS > Date.now() - FRESH_MS) newest.current?.focus();
  }, [last?.deleteKey]);
  if (shown.length === 0) return null;
  return (
    <ul class="history-undo" aria-live="polite">
      {shown.map((o) => (
        <li key={o.deleteKey} data-testid="history-undo">
          <span>{t('sidebar_entry_deleted', excerpt(o.snapshot.summary, 40))}</span>
          <button type="button" class="small-button" ref={o === last ? newest : undefined} onClick={() => onUndo(o)}
            aria-label={t('sidebar_entry_undo_label', excerpt(o.snapshot.summary))}>{t('sidebar_undo')}</button>
        </li>
      ))}
    </ul>
  );
}
