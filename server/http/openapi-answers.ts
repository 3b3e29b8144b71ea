type Json = Record<string, unknown>;

const error = (description: string, headers?: Json): Json => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

/**
 * Adds to the generated OpenAPI document (`lib/api/openapi.ts`, built from the wire contract) the
 * answers this server's own layers give, so that it stays true of what the server answers: every
 * operation may meet the Host check and the rate limits; bodies must be JSON; a create that takes
 * a client-made id answers 409 when the caller's team already used it.
 */
export function withServerAnswers(doc: Json): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, { responses?: Json; requestBody?: unknown }>>;
  for (const operations of Object.values(paths)) {
    for (const op of Object.values(operations)) {
      const responses = (op.responses ??= {});
      if (op.requestBody !== undefined) {
        responses['415'] ??= error('The body is not declared `Content-Type: application/json`');
        if ('201' in responses) {
          responses['409'] ??= error('The client-made `id` is already used in the caller\'s team, or an address or domain already belongs to a record');
        }
      }
      responses['421'] ??= error('The Host header names a host this server does not answer to (see CRM_ALLOWED_HOSTS)');
      responses['429'] ??= error('Too many requests for this token, or without a valid token from this address', {
        'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
      });
    }
  }
  return doc;
}
