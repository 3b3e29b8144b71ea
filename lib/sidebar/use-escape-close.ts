import { useCallback } from 'preact/hooks';

/**
 * A form's keydown handler that closes it unsent on Escape, the way every edit form in the
 * sidebar closes (and Cancel does): one rule for the header's and the preferences card's forms.
 */
export function useEscapeClose(onClose: () => void): (event: KeyboardEvent) => void {
  return useCallback((event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }, [onClose]);
}
