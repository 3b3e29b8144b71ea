import { z } from 'zod';

/**
 * Why a request to the CRM did not give an answer, as plain data so that it crosses the message
 * channel intact and every page can word it in the user's language.
 */
export const Problem = z.discriminatedUnion('kind', [
  /** No API URL or token saved yet. */
  z.object({ kind: z.literal('not-configured') }),
  /** Network failure, refused connection, DNS error or timeout. */
  z.object({ kind: z.literal('unreachable'), url: z.string(), detail: z.string() }),
  /** The browser has not allowed the extension to reach this origin (host permission). */
  z.object({ kind: z.literal('no-permission'), origin: z.string() }),
  /** 401: the token is wrong, revoked or belongs to an inactive user. */
  z.object({ kind: z.literal('unauthorized'), url: z.string() }),
  /** The answer did not match the contract; `path` names the first offending field. */
  z.object({ kind: z.literal('bad-format'), path: z.string(), detail: z.string() }),
  /** 4xx validation: the server refused the data; `field` names the offending field. */
  z.object({ kind: z.literal('rejected'), status: z.number(), message: z.string(), field: z.string().optional() }),
  /**
   * 409: someone else changed the record (`details` holds the server's current version), or a
   * value that must be unique is another record's (`field` names it, e.g. `body.domains.0`).
   */
  z.object({ kind: z.literal('conflict'), message: z.string(), details: z.unknown(), field: z.string().optional() }),
  /**
   * 429: the CRM is answering this user too many requests. `retryAt` (epoch ms) is when its
   * `Retry-After` said to come back, when it said (read as at most an hour away).
   */
  z.object({ kind: z.literal('rate-limited'), message: z.string(), retryAt: z.number().optional() }),
  /** Any other error status; a 503 may carry `retryAt` as a 429 does. */
  z.object({ kind: z.literal('server'), status: z.number(), message: z.string(), retryAt: z.number().optional() }),
  /**
   * The saved CRM address is plain http to another computer (allowed by older versions): the
   * token would cross the network unencrypted, so nothing is sent until it is changed to https.
   */
  z.object({ kind: z.literal('insecure-url'), url: z.string() }),
  /** The sender of a message may not do this (e.g. a content script asking for settings). */
  z.object({ kind: z.literal('forbidden'), message: z.string() }),
  /** A message arrived with data that does not match the protocol. */
  z.object({ kind: z.literal('invalid-request'), path: z.string(), detail: z.string() }),
  /** A fault inside the extension itself; `message` is for the bug report. */
  z.object({ kind: z.literal('internal'), message: z.string() }),
]);
export type Problem = z.infer<typeof Problem>;
export type ProblemKind = Problem['kind'];
