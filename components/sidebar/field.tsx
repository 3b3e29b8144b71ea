import { useId } from 'preact/hooks';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'date';
  multiline?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  /** Said under the input and read with it (e.g. the format a date is written in). */
  hint?: string;
  inputMode?: 'numeric';
  onKeyDown?: (event: KeyboardEvent) => void;
  inputRef?: { current: HTMLTextAreaElement | HTMLInputElement | null };
}

/** A labelled input whose error is announced and tied to it. */
export function Field({ label, value, onInput, error, type = 'text', multiline = false, autoFocus, placeholder, hint, inputMode, onKeyDown, inputRef }: Props) {
  const id = useId();
  const shared = {
    id,
    value,
    placeholder,
    autoFocus,
    onKeyDown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...shared} rows={3} ref={inputRef as { current: HTMLTextAreaElement | null } | undefined} />
      ) : (
        <input {...shared} type={type} inputMode={inputMode} ref={inputRef as { current: HTMLInputElement | null } | undefined} />
      )}
      {hint && <p id={`${id}-hint`} class="small muted field-hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error" role="alert">{error}</p>}
    </div>
  );
}
