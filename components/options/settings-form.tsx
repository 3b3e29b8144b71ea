import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { Language } from '../../lib/config/languages';
import type { Settings } from '../../lib/config/settings';
import { t } from '../../lib/i18n';
import { ask } from '../../lib/ui/ask';
import { releaseHostPermission, requestHostPermission } from '../../lib/ui/host-permission';
import { toProblem } from '../../lib/messaging/problem-error';
import { draftOf, parseDraft, savedErrors, type DraftErrors, type DraftField, type SettingsDraft } from '../../lib/ui/settings-draft';
import { changeLanguage } from '../../lib/ui/page-language';
import { ConnectionOutcome, type Outcome } from './connection-outcome';
import { LanguageSelect } from './language-select';
import { TextField } from './text-field';

/** The CRM address and token, with Test and Save, and the privacy lists. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const queries = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<DraftErrors>(() => savedErrors(initial));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const busy = outcome.kind === 'busy';
  const field = (name: DraftField) => ({
    id: name,
    value: draft[name],
    error: errors[name] ?? null,
    onInput: (value: string) => setDraft((d) => ({ ...d, [name]: value })),
  });

  /** Checks the form; the permission prompt must be the first thing awaited in a click. */
  function checked(needConnection: boolean): Settings | null {
    const parsed = parseDraft(draft);
    const missing: DraftErrors = {};
    if (needConnection && parsed.ok && !parsed.settings.apiUrl) missing.apiUrl = t('options_api_url_hint');
    if (needConnection && parsed.ok && !parsed.settings.token) missing.token = t('options_token_hint');
    setErrors(parsed.ok ? missing : parsed.errors);
    return parsed.ok && Object.keys(missing).length === 0 ? parsed.settings : null;
  }

  async function test() {
    const settings = checked(true);
    if (!settings) return;
    const allowed = requestHostPermission(settings.apiUrl);
    setOutcome({ kind: 'busy', text: t('options_testing') });
    if (!(await allowed)) return setOutcome({ kind: 'permission-denied', origin: new URL(settings.apiUrl).origin });
    try {
      setOutcome({ kind: 'connected', me: await ask('testConnection', { apiUrl: settings.apiUrl, token: settings.token }) });
    } catch (error) {
      setOutcome({ kind: 'problem', problem: toProblem(error) });
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    const settings = checked(false);
    if (!settings) return;
    const allowed = settings.apiUrl ? requestHostPermission(settings.apiUrl) : Promise.resolve(true);
    setOutcome({ kind: 'busy', text: t('options_saving') });
    const granted = await allowed;
    try {
      const previous = queries.getQueryData<Settings>(['settings'])?.apiUrl ?? initial.apiUrl;
      // The language is saved when it is picked; the form keeps what is saved.
      const language = queries.getQueryData<Settings>(['settings'])?.language ?? initial.language;
      const saved = await ask('saveSettings', { ...settings, ...(language && { language }) });
      if (previous && (!saved.apiUrl || new URL(previous).origin !== new URL(saved.apiUrl).origin)) {
        await releaseHostPermission(previous);
      }
      queries.setQueryData(['settings'], saved);
      setDraft(draftOf(saved));
      // Saved either way, so nothing typed is lost; without permission the CRM stays out of reach.
      setOutcome(granted ? { kind: 'saved' } : { kind: 'permission-denied', origin: new URL(saved.apiUrl).origin });
    } catch (error) {
      setOutcome({ kind: 'problem', problem: toProblem(error) });
    }
  }

  /** A language applies when picked: saved with the settings as they are saved, not as typed. */
  async function pickLanguage(language: Language | undefined) {
    setOutcome({ kind: 'busy', text: t('options_saving') });
    try {
      const { language: _previous, ...current } = queries.getQueryData<Settings>(['settings']) ?? initial;
      const saved = await ask('saveSettings', { ...current, ...(language && { language }) });
      queries.setQueryData(['settings'], saved);
      await changeLanguage(saved.language);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'problem', problem: toProblem(error) });
    }
  }

  return (
    <form class="options" onSubmit={(e) => void save(e)} noValidate>
      <h1>{t('options_title')}</h1>
      <fieldset>
        <legend>{t('options_connection_heading')}</legend>
        <TextField {...field('apiUrl')} label={t('options_api_url_label')} hint={t('options_api_url_hint')} type="url" autoComplete="url" />
        <TextField {...field('token')} label={t('options_token_label')} hint={t('options_token_hint')} type="password" />
        <div class="actions">
          <button type="button" onClick={() => void test()} disabled={busy}>{t('options_test')}</button>
        </div>
      </fieldset>
      <LanguageSelect value={queries.getQueryData<Settings>(['settings'])?.language ?? initial.language} disabled={busy} onChange={(l) => void pickLanguage(l)} />
      <fieldset>
        <legend>{t('options_privacy_heading')}</legend>
        <TextField {...field('companyDomains')} label={t('options_company_domains_label')} hint={t('options_company_domains_hint')} multiline />
        <TextField {...field('neverLookUp')} label={t('options_never_label')} hint={t('options_never_hint')} multiline />
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t('options_save')}</button>
      </div>
      <ConnectionOutcome outcome={outcome} />
    </form>
  );
}
