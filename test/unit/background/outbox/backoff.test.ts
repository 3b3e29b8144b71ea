import { describe, expect, it } from 'vitest';
import { backoffDelay, verdictFor } from '../../../../lib/background/outbox/backoff';
import type { Problem } from '../../../../lib/messaging/problem';

describe('backoffDelay', () => {
  it.each([
    [1, 0, 1_000],
    [1, 1, 2_000],
    [2, 0.5, 3_000],
    [3, 0, 4_000],
    [11, 1, 2_048_000],
    [12, 1, 3_600_000],
    [30, 0, 1_800_000],
    [30, 1, 3_600_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });
});

describe('verdictFor', () => {
  it.each<[Problem, string]>([
    [{ kind: 'unreachable', url: 'u', detail: 'd' }, 'halt'],
    [{ kind: 'unauthorized', url: 'u' }, 'halt'],
    [{ kind: 'no-permission', origin: 'o' }, 'halt'],
    [{ kind: 'not-configured' }, 'wait'],
    [{ kind: 'server', status: 500, message: '' }, 'retry'],
    [{ kind: 'server', status: 408, message: '' }, 'retry'],
    [{ kind: 'server', status: 429, message: '' }, 'retry'],
    [{ kind: 'server', status: 503, message: '', retryAt: 1 }, 'halt'],
    [{ kind: 'rate-limited', message: '' }, 'halt'],
    [{ kind: 'rate-limited', message: '', retryAt: 1 }, 'halt'],
    [{ kind: 'insecure-url', url: 'http://crm.lan' }, 'wait'],
    [{ kind: 'server', status: 404, message: '' }, 'fail'],
    [{ kind: 'server', status: 403, message: '' }, 'fail'],
    [{ kind: 'rejected', status: 400, message: '' }, 'fail'],
    [{ kind: 'conflict', message: '', details: null }, 'fail'],
    [{ kind: 'bad-format', path: 'x', detail: '' }, 'fail'],
  ])('%j → %s', (problem, verdict) => {
    expect(verdictFor(problem)).toBe(verdict);
  });
});
