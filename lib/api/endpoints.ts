import type { z } from 'zod';
import { AttentionPage, AttentionQuery } from './attention';
import { ApiError } from './common';
import { LookupRequest, LookupResponse } from './lookup';
import {
  AccountDetail, ChangesPage, ChangesQuery, CommitmentList, CommitmentResult, CommitmentsQuery,
  ContactCreated, Health, InteractionCreated, Me, TimelinePage, TimelineQuery,
} from './reads';
import { CommitmentPatch, NewCommitment, NewContact, NewInteraction } from './writes';
import {
  AccountPatch, AccountResult, ContactEmailsAdd, ContactResult, InteractionDeleted, InteractionPatch, InteractionResult,
} from './edits';
import { AccountSearchPage, AccountSearchQuery } from './search';

type Endpoint = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Writes accept an Idempotency-Key header. */
  idempotent?: boolean;
  /** When the caller may be refused (403) although the record is theirs to see. */
  forbidden?: string;
};

/** Every route of `/v1`, the single source for the server's validation and the OpenAPI document. */
export const ENDPOINTS = {
  health: { method: 'get', path: '/v1/health', summary: 'Liveness and database kind', auth: false, response: Health },
  me: { method: 'get', path: '/v1/me', summary: 'The caller and their team', auth: true, response: Me },
  lookup: {
    method: 'post', path: '/v1/lookup', summary: 'Match up to 100 addresses to contacts and accounts',
    auth: true, body: LookupRequest, response: LookupResponse,
  },
  searchAccounts: {
    method: 'get', path: '/v1/accounts', summary: 'Find accounts by a word of the name, a domain or an address (prefix, any case)',
    auth: true, query: AccountSearchQuery, response: AccountSearchPage,
  },
  account: { method: 'get', path: '/v1/accounts/{id}', summary: 'An account with its contacts and summary', auth: true, response: AccountDetail },
  patchAccount: {
    method: 'patch', path: '/v1/accounts/{id}', summary: 'Change an account: name, stage, owner, team, cadence, preferences, terms, domains (409 on a stale version)',
    auth: true, body: AccountPatch, response: AccountResult, idempotent: true,
  },
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
  patchInteraction: {
    method: 'patch', path: '/v1/interactions/{id}', summary: 'Edit a logged interaction (409 on a stale version)',
    auth: true, body: InteractionPatch, response: InteractionResult, idempotent: true,
    forbidden: 'Not the author, and the team does not let everyone edit notes',
  },
  deleteInteraction: {
    method: 'delete', path: '/v1/interactions/{id}', summary: 'Delete a logged interaction (kept, restorable)',
    auth: true, response: InteractionDeleted, idempotent: true,
    forbidden: 'Not the author, and the team does not let everyone edit notes',
  },
  restoreInteraction: {
    method: 'post', path: '/v1/interactions/{id}/restore', summary: 'Bring back a deleted interaction',
    auth: true, response: InteractionResult, idempotent: true,
    forbidden: 'Not the author, and the team does not let everyone edit notes',
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
  addContactEmails: {
    method: 'post', path: '/v1/contacts/{id}/emails', summary: 'Add addresses to an existing contact (409 if another contact has one)',
    auth: true, body: ContactEmailsAdd, response: ContactResult, idempotent: true,
  },
  changes: {
    method: 'get', path: '/v1/changes', summary: 'Records changed since a cursor, for cache refresh',
    auth: true, query: ChangesQuery, response: ChangesPage,
  },
  attention: {
    method: 'get', path: '/v1/attention', summary: 'Who needs the caller today: accounts at risk, commitments due, rhythms coming due',
    auth: true, query: AttentionQuery, response: AttentionPage,
  },
} as const satisfies Record<string, Endpoint>;

export { ApiError };
