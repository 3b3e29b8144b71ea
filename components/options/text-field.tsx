import type { JSX } from 'preact';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | null;
  onInput: (value: string) => void;
  type?: 'url' | 'password' | 'text';
  multiline?: boolean;
  autoComplete?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ id, label, hint, value, error, onInput, type = 'text', multiline = false, autoComplete = 'off' }: Props) {
  const described = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  const common = {
    id,
    name: id,
    value,
    'aria-describedby': described,
    'aria-invalid': error ? ('true' as const) : undefined,
    onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} spellcheck={false} {...common} />}
      <p class="hint" id={`${id}-hint`}>{hint}</p>
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
