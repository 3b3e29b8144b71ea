import { t, uiLanguage } from '../../lib/i18n';
import { dateExample, datePattern } from '../../lib/ui/local-date';
import { Field } from './field';

interface Props {
  label: string;
  /** As typed; `parseLocalDate` reads it when the form is saved. */
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  onKeyDown?: (event: KeyboardEvent) => void;
  autoFocus?: boolean;
  inputRef?: { current: HTMLInputElement | null };
}

/**
 * A date typed the way the UI language writes it (`31.12.2026` in Russian), not the browser's
 * date picker, which follows the browser's locale whatever language the user chose.
 */
export function DateField(props: Props) {
  const language = uiLanguage();
  const pattern = datePattern(language, t('date_pattern'));
  return <Field {...props} placeholder={pattern} hint={t('sidebar_date_hint', pattern, dateExample(language))} inputMode="numeric" />;
}
