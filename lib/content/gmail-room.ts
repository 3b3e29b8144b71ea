import { findFirst } from '../mail/gmail/query';
import { GMAIL_SELECTORS as S } from '../mail/gmail/selectors';
import type { PageRoom } from './sidebar-frame';

/**
 * Room for the sidebar in Gmail, the way add-on panels get it: the panel is fixed on the right
 * and Gmail's content column (the one holding `role=main`, `.bkK` in every layout since 2018, else
 * the main region itself) gets a right margin of the same width, so the list and the message
 * reflow beside it instead of under it. The top bar keeps its full width (the panel starts below
 * it). The margin the page had before is put back on release.
 */
export function gmailRoom(doc: Document): PageRoom {
  let target: HTMLElement | null = null;
  let before: { value: string; priority: string } | null = null;

  const column = (): HTMLElement | null => {
    const main = findFirst(doc, S.main);
    return (main?.closest<HTMLElement>('.bkK') ?? (main as HTMLElement | null)) || null;
  };

  function release(): void {
    if (target && before) {
      if (before.value) target.style.setProperty('margin-right', before.value, before.priority);
      else target.style.removeProperty('margin-right');
    }
    target = null;
    before = null;
  }

  return {
    reserve(width) {
      const next = column();
      if (next !== target) {
        release();
        if (!next) return;
        target = next;
        before = { value: next.style.getPropertyValue('margin-right'), priority: next.style.getPropertyPriority('margin-right') };
      }
      if (target && target.style.getPropertyValue('margin-right') !== `${width}px`) target.style.setProperty('margin-right', `${width}px`, 'important');
    },
    release,
    top() {
      const main = findFirst(doc, S.main);
      return main ? main.getBoundingClientRect().top : 0;
    },
  };
}
