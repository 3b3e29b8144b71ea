import type { Problem } from '../../messaging/problem';

/**
 * The first retry comes after 1–2 s: a blip (one lost connection, a restarting CRM) costs the user
 * nothing. Retries sooner than Chrome's shortest alarm (30 s in a packed extension) are timed by
 * the worker while it lives, with the alarm behind them; an hour keeps a long outage from going unnoticed.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): doubling from the base up to the cap,
 * with "equal jitter" (half fixed, half random) so many browsers don't retry in step.
 */
export function backoffDelay(attempt: number, random: number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (Math.min(Math.max(random, 0), 1) * ceiling) / 2);
}

/**
 * What the outbox does after a failed send: `retry` later; `halt` — retry later and stop this run,
 * because every other write would fail the same way; `wait` — nothing can be sent until the user
 * configures the CRM; `fail` — the server refused this write, so it waits for the user.
 */
export type Verdict = 'retry' | 'halt' | 'wait' | 'fail';

/**
 * When the CRM said to come back (a 429's or 503's Retry-After), or null. It speaks for the
 * whole connection, not one write: nothing is sent to it before then.
 */
export function serverWaitUntil(problem: Problem | null): number | null {
  if (problem?.kind !== 'rate-limited' && problem?.kind !== 'server') return null;
  return problem.retryAt ?? null;
}

export function verdictFor(problem: Problem): Verdict {
  switch (problem.kind) {
    case 'unreachable':
    case 'no-permission':
    case 'unauthorized':
    // Too many requests from this user: every other write would be turned away too.
    case 'rate-limited':
      return 'halt';
    case 'not-configured':
    case 'insecure-url':
      return 'wait';
    case 'server':
      if (problem.retryAt !== undefined) return 'halt';
      return problem.status >= 500 || problem.status === 408 || problem.status === 429 ? 'retry' : 'fail';
    case 'rejected':
    case 'conflict':
    case 'bad-format':
    case 'forbidden':
    case 'invalid-request':
    case 'internal':
      return 'fail';
  }
}
