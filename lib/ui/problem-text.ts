import { t, uiLanguage } from '../i18n';
import { dateFormat } from '../intl-cache';
import type { Problem } from '../messaging/problem';

export interface ProblemText {
  title: string;
  detail: string | null;
  /** The fix lives in the settings (set up the CRM, change the token or address). */
  needsSettings: boolean;
}

/**
 * A problem in words a salesperson can act on, in the UI's language. `sent`: the body of the
 * write it refused, when known, so a taken domain or address can be named.
 */
export function problemText(problem: Problem, sent?: unknown): ProblemText {
  switch (problem.kind) {
    case 'not-configured':
      return { title: t('problem_not_configured'), detail: t('problem_not_configured_detail'), needsSettings: true };
    case 'unreachable':
      return { title: t('problem_unreachable', problem.url), detail: t('problem_unreachable_detail', problem.detail), needsSettings: true };
    case 'no-permission':
      return { title: t('problem_no_permission', problem.origin), detail: t('problem_no_permission_detail'), needsSettings: true };
    case 'unauthorized':
      return { title: t('problem_unauthorized'), detail: t('problem_unauthorized_detail'), needsSettings: true };
    case 'bad-format':
      return { title: t('problem_bad_format', problem.path), detail: t('problem_bad_format_detail', problem.detail), needsSettings: true };
    case 'rejected':
      return { title: t('problem_rejected', problem.field ? `${problem.message} (${problem.field})` : problem.message), detail: null, needsSettings: false };
    case 'conflict':
      return { title: conflictTitle(problem, sent), detail: null, needsSettings: false };
    case 'rate-limited':
      return { title: t('problem_rate_limited'), detail: retryDetail(problem.retryAt) ?? t('problem_rate_limited_detail'), needsSettings: false };
    case 'server':
      return { title: t('problem_server', problem.status, problem.message), detail: retryDetail(problem.retryAt), needsSettings: false };
    case 'insecure-url':
      return { title: t('problem_insecure_url', problem.url), detail: t('problem_insecure_url_detail'), needsSettings: true };
    case 'forbidden':
      return { title: t('problem_forbidden', problem.message), detail: null, needsSettings: false };
    case 'invalid-request':
      return { title: t('problem_invalid_request', problem.path, problem.detail), detail: null, needsSettings: false };
    case 'internal':
      return { title: t('problem_internal', problem.message), detail: null, needsSettings: false };
  }
}

/** A value that must be unique in the team, by the field the CRM named (`body.domains.0`, `body.newAccount.domains`). */
const TAKEN_DOMAIN = /(?:^|\.)domains(?:\.\d+)?$/;
const TAKEN_ADDRESS = /(?:^|\.)emails(?:\.\d+)?$/;

/** The text at a field path such as `body.domains.1` in the body that was sent, if there is one there. */
function valueAt(field: string, sent: unknown): string | null {
  const [root, ...path] = field.split('.');
  if (root !== 'body') return null;
  let at: unknown = sent;
  for (const step of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, step)) return null;
    at = (at as Record<string, unknown>)[step];
  }
  return typeof at === 'string' && at !== '' ? at : null;
}

/**
 * A 409 in the user's words: a domain or address that is another record's, by the field the CRM
 * named (and named itself when the refused body holds it there); a record changed meanwhile (the
 * CRM sent its version along); else the CRM's own sentence.
 */
function conflictTitle(problem: Extract<Problem, { kind: 'conflict' }>, sent: unknown): string {
  const { field } = problem;
  if (field !== undefined && TAKEN_DOMAIN.test(field)) {
    const taken = valueAt(field, sent);
    return taken ? t('problem_domain_taken_named', taken) : t('problem_domain_taken');
  }
  if (field !== undefined && TAKEN_ADDRESS.test(field)) {
    const taken = valueAt(field, sent);
    return taken ? t('problem_address_taken_named', taken) : t('problem_address_taken');
  }
  if (problem.details !== undefined && problem.details !== null) return t('problem_changed_meanwhile');
  return t('problem_conflict', problem.message);
}

/** When the CRM said it can be asked again (Retry-After), as the user's clock time. */
function retryDetail(retryAt: number | undefined): string | null {
  if (retryAt === undefined) return null;
  return t('problem_retry_at', dateFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }).format(retryAt));
}

