import type { JSX } from 'preact';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../lib/config/languages';
import { t } from '../../lib/i18n';

interface Props {
  /** The saved choice; none: the browser's language. */
  value: Language | undefined;
  disabled: boolean;
  onChange: (language: Language | undefined) => void;
}

/** The language the extension speaks: the browser's, or one of ours, each named in its own words. */
export function LanguageSelect({ value, disabled, onChange }: Props) {
  const pick = (e: JSX.TargetedEvent<HTMLSelectElement>) =>
    onChange(LANGUAGES.find((l) => l === e.currentTarget.value));
  return (
    <div class="field">
      <label for="language">{t('options_language_label')}</label>
      <select id="language" name="language" value={value ?? ''} disabled={disabled} aria-describedby="language-hint" onChange={pick}>
        <option value="">{t('options_language_browser')}</option>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
      </select>
      <p class="hint" id="language-hint">{t('options_language_hint')}</p>
    </div>
  );
}
