import type { OutlookRoute } from './routes';

/** Inside the pane: messages added, removed, expanded or collapsed. */
export const PANE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded'] };

/** The selected row: only its selection flipping (another row chosen, keyboard included). */
export const ROW: MutationObserverInit = { attributes: true, attributeFilter: ['aria-selected'] };

/**
 * The list: rows added or removed as it scrolls (Outlook draws only the rows in view) or is
 * re-drawn, which are the listbox's own children; and a row re-used for another conversation,
 * which changes its id attribute. Hover, focus, selection and preview text inside rows are not
 * watched: none of them changes who a row's senders are.
 */
export const LIST = {
  children: { childList: true } satisfies MutationObserverInit,
  rowIds: { attributes: true, subtree: true, attributeFilter: ['data-convid'] } satisfies MutationObserverInit,
};

/** Whether the view shows a message list whatever the pane setting (a folder, search results). */
export function expectsList(route: OutlookRoute | null): boolean {
  return route?.kind === 'list' || (route?.kind === 'search' && route.itemId === null);
}

/**
 * Wraps a callback so it hears only values that differ from the last one it heard. `key`, when
 * given, stands for the value: text that is equal exactly when the values are.
 */
export function reporter<T>(send: ((value: T) => void) | undefined): (value: T, key?: string) => void {
  let last: string | undefined;
  return (value, key = JSON.stringify(value)) => {
    if (key === last) return;
    last = key;
    send?.(value);
  };
}
