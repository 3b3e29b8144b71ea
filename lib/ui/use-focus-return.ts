import { useEffect, useRef } from 'preact/hooks';

/**
 * For a button that opens a form in its place: when the form closes (saved or cancelled), the
 * keyboard focus goes back to the button instead of being lost with the form.
 */
export function useFocusReturn(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
