import type { z } from 'zod';
import { isSafeApiUrl } from '../config/loopback';
import { API_URL_ISSUE, Settings, splitList, type Settings as SettingsValue } from '../config/settings';
import { t, type MessageKey } from '../i18n';

/** The options form as typed: lists are one entry per line. */
export interface SettingsDraft { apiUrl: string; token: string; companyDomains: string; neverLookUp: string }

export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftOf(settings: SettingsValue): SettingsDraft {
  return {
    apiUrl: settings.apiUrl,
    token: settings.token,
    companyDomains: settings.companyDomains.join('\n'),
    neverLookUp: settings.neverLookUp.join('\n'),
  };
}

/** The words for each way the CRM address can be refused (the schema gives codes). */
const API_URL_WORDS: Record<string, MessageKey> = {
  [API_URL_ISSUE.missing]: 'options_api_url_missing',
  [API_URL_ISSUE.invalid]: 'options_api_url_invalid',
  [API_URL_ISSUE.credentials]: 'options_api_url_credentials',
  [API_URL_ISSUE.insecure]: 'options_api_url_insecure_http',
};

function errorsOf(error: z.ZodError, draft: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    if (typeof field !== 'string' || !(field in draft) || errors[field as DraftField]) continue;
    const entry = typeof index === 'number' ? splitList(draft[field as DraftField])[index] : undefined;
    const words = API_URL_WORDS[issue.message];
    const message = words ? t(words) : issue.message;
    errors[field as DraftField] = entry === undefined ? message : `"${entry}": ${message}`;
  }
  return errors;
}

/**
 * What is wrong with settings as saved, before the user changes anything: a plain-http address
 * to another computer, which an older version accepted and which is no longer used.
 */
export function savedErrors(settings: SettingsValue): DraftErrors {
  return settings.apiUrl && !isSafeApiUrl(settings.apiUrl) ? { apiUrl: t('options_api_url_insecure_http') } : {};
}

/** Checks the form; gives the settings to save, or one message per offending field. */
export function parseDraft(draft: SettingsDraft): { ok: true; settings: SettingsValue } | { ok: false; errors: DraftErrors } {
  const parsed = Settings.safeParse({
    apiUrl: draft.apiUrl.trim(),
    token: draft.token,
    companyDomains: splitList(draft.companyDomains),
    neverLookUp: splitList(draft.neverLookUp),
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, errors: errorsOf(parsed.error, draft) };
}
