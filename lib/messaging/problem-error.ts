import type { z } from 'zod';
import type { Problem } from './problem';

// Kept apart from the schema: the class and helpers need no zod at run time.

/** What every background handler answers: a value, or the problem that prevented it. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** An error carrying a Problem, thrown inside the background and by page helpers. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.kind}${'message' in problem ? `: ${problem.message}` : ''}`);
    this.name = 'ProblemError';
  }
}

/** The dotted path of a zod issue, e.g. `results.0.account.stage`; `(root)` for the whole value. */
export function issuePath(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first || first.path.length === 0) return '(root)';
  return first.path.map(String).join('.');
}

/** Any thrown value as a Problem, so every error path ends in words rather than nothing. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
