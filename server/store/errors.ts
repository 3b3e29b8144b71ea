/**
 * Why the store refused a request, in the store's own terms: no status codes and no answer
 * bodies. `http/errors.ts` turns each kind into its answer, in one place. A `field` names where in
 * the request the offending value came from (`body.emails.3`, `path.id`), so a client can point at
 * it; callers hand the store those names along with the values.
 */
export abstract class DomainError extends Error {}

/** A record that is missing or belongs to another team: the same refusal for both. */
export class NotFoundError extends DomainError {
  constructor(
    readonly what: string,
    readonly field?: string,
  ) {
    super(`${what} not found`);
  }
}

/** A value the schema let through that the data refuses (a foreign cursor, another account's contact). */
export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A record the caller may see but not change this way (another's note, without the team setting). */
export class ForbiddenError extends DomainError {}

/** The request collides with what is stored: a taken address, id or domain, a stale version. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
    /** What the client needs to resolve it, such as the record as it now is. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** An Idempotency-Key already used for a different request. */
export class KeyReusedError extends DomainError {
  constructor(readonly field: string) {
    super('this Idempotency-Key was already used for a different request');
  }
}

/** A client-made id the caller's own team already used: telling them helps a client that retries. */
export const idTaken = () => new ConflictError('a record with this id already exists', 'body.id');
