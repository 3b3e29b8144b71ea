import type { z } from 'zod';
import { Settings, splitList, type Settings as SettingsValue } from '../config/settings';

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

function errorsOf(error: z.ZodError, draft: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    if (typeof field !== 'string' || !(field in draft) || errors[field as DraftField]) continue;
    const entry = typeof index === 'number' ? splitList(draft[field as DraftField])[index] : undefined;
    errors[field as DraftField] = entry === undefined ? issue.message : `"${entry}": ${issue.message}`;
  }
  return errors;
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
