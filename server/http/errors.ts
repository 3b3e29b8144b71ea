import type { ApiError } from '../../lib/api';
import { ConflictError, DomainError, ForbiddenError, KeyReusedError, NotFoundError, ValidationError } from '../store/errors';

type Status = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 503;

/** An answer other than success, thrown from anywhere in a request and turned into JSON once. */
export class HttpError extends Error {
  constructor(
    readonly status: Status,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): ApiError {
    const error: ApiError['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export const validationError = (field: string, message: string) =>
  new HttpError(400, 'validation', message, field);

/** The client stopped sending the body before its end (closed the connection, or sent less than it declared). */
export const incompleteBody = () =>
  new HttpError(400, 'incomplete_body', 'the request body ended before all of it arrived; send it again', 'body');

/**
 * The store's refusals as answers, the one place their statuses and codes are decided. A record
 * that is missing or another team's is a 404 for both; a collision is a 409; a value the data
 * refuses is a 400; a change the caller may not make is a 403; a reused Idempotency-Key is a 422.
 */
export function fromDomainError(err: unknown): HttpError | null {
  if (!(err instanceof DomainError)) return null;
  if (err instanceof NotFoundError) return new HttpError(404, 'not_found', err.message, err.field);
  if (err instanceof ValidationError) return validationError(err.field, err.message);
  if (err instanceof ForbiddenError) return new HttpError(403, 'forbidden', err.message);
  if (err instanceof ConflictError) return new HttpError(409, 'conflict', err.message, err.field, err.details);
  if (err instanceof KeyReusedError) return new HttpError(422, 'idempotency_mismatch', err.message, err.field);
  return null;
}

/**
 * Database errors that a client's input can cause, as client errors: two writers racing for the
 * same unique address, or a value the column cannot hold. Anything else is a server fault.
 */
export function fromDatabaseError(err: unknown): HttpError | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = (err as { code: unknown }).code;
  const constraint = 'constraint' in err ? String((err as { constraint: unknown }).constraint) : '';
  if (code === '23505') {
    if (constraint === 'contact_emails_pkey') {
      return new HttpError(409, 'conflict', 'one of these addresses already belongs to a contact', 'body.emails');
    }
    if (constraint === 'account_domains_pkey') {
      return new HttpError(409, 'conflict', 'one of these domains already belongs to an account', 'body.newAccount.domains');
    }
    // Client-made ids never get here: the stores insert them with ON CONFLICT and tell the caller's
    // own ids (409) from other teams' (404) themselves, see `takenIdError`.
    return new HttpError(409, 'conflict', 'this record conflicts with one that already exists');
  }
  // Class 22 (data exception): a value the schema let through but the column cannot hold, such as
  // a version beyond a 32-bit integer or the year 0. The client's fault, so a 400, never a 500.
  if (typeof code === 'string' && code.startsWith('22')) {
    return new HttpError(400, 'validation', 'a value in the request is out of range for the database', 'body');
  }
  return null;
}
