import { useEffect, useRef } from 'preact/hooks';

/**
 * For a button that opens a form in its place: when the form closes (saved or cancelled), the
 * keyboard focus goes back to the button instead of being lost with the form. Only a form that
 * closes in the same `scope` counts: showing another client whose form is closed moves no focus.
 */
export function useFocusReturn(open: boolean, scope: string) {
  const opener = useRef<HTMLButtonElement>(null);
  const was = useRef({ open, scope });
  useEffect(() => {
    if (!open && was.current.open && was.current.scope === scope) opener.current?.focus();
    was.current = { open, scope };
  }, [open, scope]);
  return opener;
}
