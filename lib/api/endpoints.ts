import type { z } from 'zod';
import { ApiError } from './common';
import { LookupRequest, LookupResponse } from './lookup';
import {
  AccountDetail, ChangesPage, ChangesQuery, CommitmentList, CommitmentResult, CommitmentsQuery,
  ContactCreated, Health, InteractionCreated, Me, TimelinePage, TimelineQuery,
} from './reads';
import { CommitmentPatch, NewCommitment, NewContact, NewInteraction } from './writes';

type Endpoint = {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Writes accept an Idempotency-Key header. */
  idempotent?: boolean;
};

/** Every route of `/v1`, the single source for the server's validation and the OpenAPI document. */
export const ENDPOINTS = {
  health: { method: 'get', path: '/v1/health', summary: 'Liveness and database kind', auth: false, response: Health },
  me: { method: 'get', path: '/v1/me', summary: 'The caller and their team', auth: true, response: Me },
  lookup: {
    method: 'post', path: '/v1/lookup', summary: 'Match up to 100 addresses to contacts and accounts',
    auth: true, body: LookupRequest, response: LookupResponse,
  },
  account: { method: 'get', path: '/v1/accounts/{id}', summary: 'An account with its contacts and summary', auth: true, response: AccountDetail },
  timeline: {
    method: 'get', path: '/v1/accounts/{id}/timeline', summary: 'Interactions, newest first, cursor-paginated',
    auth: true, query: TimelineQuery, response: TimelinePage,
  },
  commitments: {
    method: 'get', path: '/v1/accounts/{id}/commitments', summary: 'Commitments of an account',
    auth: true, query: CommitmentsQuery, response: CommitmentList,
  },
  createInteraction: {
    method: 'post', path: '/v1/interactions', summary: 'Log a note, call, meeting or email',
    auth: true, body: NewInteraction, response: InteractionCreated, idempotent: true,
  },
  createCommitment: {
    method: 'post', path: '/v1/commitments', summary: 'Record a promise made to a client',
    auth: true, body: NewCommitment, response: CommitmentResult, idempotent: true,
  },
  patchCommitment: {
    method: 'patch', path: '/v1/commitments/{id}', summary: 'Complete, cancel or edit a commitment (409 on a stale version)',
    auth: true, body: CommitmentPatch, response: CommitmentResult, idempotent: true,
  },
  createContact: {
    method: 'post', path: '/v1/contacts', summary: 'Add a contact, to an existing or a new account',
    auth: true, body: NewContact, response: ContactCreated, idempotent: true,
  },
  changes: {
    method: 'get', path: '/v1/changes', summary: 'Records changed since a cursor, for cache refresh',
    auth: true, query: ChangesQuery, response: ChangesPage,
  },
} as const satisfies Record<string, Endpoint>;

export { ApiError };
