import { z } from 'zod';
import { ENDPOINTS } from '../../../lib/api/endpoints';
import { successStatus } from '../../../lib/api/openapi';
import type { RecordKind, TeamWorld } from './world';

/** A JSON value as tests build it (plain data, no class instances). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type EndpointName = keyof typeof ENDPOINTS;
/** The routes of `/v1`: every entry of ENDPOINTS, and the OpenAPI document the server adds to them. */
export type TargetName = EndpointName | 'openapi';

export interface Target {
  name: TargetName;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** With `{id}` where the path names a record. */
  path: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodObject;
  response: z.ZodType;
  idempotent: boolean;
  success: 200 | 201;
  /** What the `{id}` of the path names. */
  idKind?: RecordKind;
  /** For creates whose body may carry a client-made `id`: what that id names. */
  createdKind?: RecordKind;
}

/** The shape every ENDPOINTS entry has, without the literal types of each. */
interface EndpointShape {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  idempotent?: boolean;
}

const COLLECTIONS: Record<string, RecordKind> = {
  accounts: 'account', contacts: 'contact', interactions: 'interaction', commitments: 'commitment', users: 'user',
};

function collectionKind(segment: string, path: string): RecordKind {
  const kind = COLLECTIONS[segment];
  if (kind === undefined) throw new Error(`${path}: no record kind known for "/${segment}/": add it to COLLECTIONS`);
  return kind;
}

function toTarget(name: TargetName, e: EndpointShape): Target {
  const idSegment = /\/(\w+)\/\{id\}/.exec(e.path)?.[1];
  const body = e.body;
  if (body !== undefined && !(body instanceof z.ZodObject)) throw new Error(`${e.path}: the body schema is not an object`);
  const createsWithId = e.method === 'post' && body !== undefined && 'id' in body.shape;
  const lastSegment = e.path.split('/').pop() ?? '';
  return {
    name,
    method: e.method.toUpperCase() as Target['method'],
    path: e.path,
    auth: e.auth,
    ...(e.query === undefined ? {} : { query: e.query }),
    ...(body === undefined ? {} : { body }),
    response: e.response,
    idempotent: e.idempotent === true,
    success: successStatus(e),
    ...(idSegment === undefined ? {} : { idKind: collectionKind(idSegment, e.path) }),
    ...(createsWithId ? { createdKind: collectionKind(lastSegment, e.path) } : {}),
  };
}

export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as EndpointName[];

/** Every route, derived from ENDPOINTS: an endpoint added there is in every test built on this. */
export const TARGETS: readonly Target[] = [
  ...ENDPOINT_NAMES.map((name) => toTarget(name, ENDPOINTS[name])),
  toTarget('openapi', { method: 'get', path: '/v1/openapi.json', auth: false, response: z.object({ openapi: z.string() }) }),
];

export const PUBLIC_TARGETS = TARGETS.filter((t) => !t.auth).map((t) => t.name);

/** The team's record the `{id}` of a path names in the examples. */
export function ownId(team: TeamWorld, kind: RecordKind): string {
  return team[idFixture(kind)];
}

export function fillPath(target: Target, id: string | undefined): string {
  if (target.idKind === undefined) return target.path;
  if (id === undefined) throw new Error(`${target.path} needs an id`);
  return target.path.replace('{id}', id);
}

export interface ExampleContext {
  team: TeamWorld;
  /** Makes fresh addresses and domains unique when a test sends several valid creates. */
  n: number;
  /** The current version of `team.commitmentId`. */
  version: number;
  /** The current versions of `team.accountId` and `team.interactionId`. */
  accountVersion: number;
  interactionVersion: number;
}

/** The versions an ExampleContext holds, from record id → version (`RecordIndex.versions`). */
export function versionsOf(team: TeamWorld, versions: ReadonlyMap<string, number>): Pick<ExampleContext, 'version' | 'accountVersion' | 'interactionVersion'> {
  return {
    version: versions.get(team.commitmentId) ?? 1,
    accountVersion: versions.get(team.accountId) ?? 1,
    interactionVersion: versions.get(team.interactionId) ?? 1,
  };
}

export interface Example {
  query?: Record<string, string>;
  body?: JsonObject;
}

/**
 * A valid request of each route by a member of `team`, naming that team's records (the path's
 * `{id}` is `ownId`): every field the contract allows is filled, so mutations have much to work on.
 * A `Record` over every route name: a new endpoint does not compile until it has its example.
 */
export const EXAMPLES: Record<TargetName, (c: ExampleContext) => Example> = {
  health: () => ({}),
  openapi: () => ({}),
  me: () => ({}),
  lookup: ({ team }) => ({ body: { emails: [team.email, `someone.new@${team.domain}`, 'nobody@elsewhere.example'], include: ['openCommitments'] } }),
  searchAccounts: ({ team }) => ({ query: { q: team.domain.slice(0, 5).toUpperCase(), limit: '10' } }),
  account: () => ({}),
  // A fresh extra domain each time (n), besides the account's own: a replaced set, never another account's.
  patchAccount: ({ team, n, accountVersion }) => ({
    body: {
      version: accountVersion, name: `${team.name} main client`, stage: 'loyal', ownerId: team.colleagueId,
      teamMemberIds: [team.userId, team.colleagueId], cadenceDays: 30, preferences: { channel: 'phone', language: 'Indonesian' },
      specialTerms: 'Net 45 for the second site', domains: [team.domain, `site${n}.${team.domain}`],
    },
  }),
  timeline: () => ({ query: { limit: '5', kind: 'call,note' } }),
  commitments: () => ({ query: { status: 'all' } }),
  changes: () => ({ query: { limit: '50' } }),
  attention: () => ({ query: { owner: 'team', limit: '5' } }),
  createInteraction: ({ team }) => ({
    body: {
      accountId: team.accountId, kind: 'meeting', direction: 'inbound', occurredAt: '2026-03-02T09:30:00.000Z',
      summary: 'Met about the second site', contactIds: [team.contactId], amount: 1250.5, threadId: 'thread-42',
      commitments: [{ text: 'Send the site plan', dueDate: '2026-03-20', ownerId: team.colleagueId }],
    },
  }),
  patchInteraction: ({ team, interactionVersion }) => ({
    body: {
      version: interactionVersion, summary: 'Call about the renewal, corrected', kind: 'meeting', direction: 'inbound',
      occurredAt: '2026-03-01T08:00:00.000Z', amount: 4300, contactIds: [team.contactId],
    },
  }),
  deleteInteraction: () => ({}),
  restoreInteraction: () => ({}),
  createCommitment: ({ team }) => ({
    body: {
      accountId: team.accountId, contactId: team.contactId, ownerId: team.colleagueId, text: 'Call back about pricing',
      dueDate: '2026-04-01', sourceInteractionId: team.interactionId,
    },
  }),
  patchCommitment: ({ team, version }) => ({
    body: { version, status: 'done', text: 'Called back about pricing', dueDate: '2026-04-02', ownerId: team.colleagueId },
  }),
  // To an existing account on even n, with a new account on odd n.
  createContact: ({ team, n }): Example => {
    const person: JsonObject = { name: `New buyer ${n}`, emails: [`new${n}@${n % 2 === 0 ? team.domain : `fresh${n}.example`}`] };
    return n % 2 === 0
      ? { body: { ...person, role: 'Buyer', phone: '+62 21 555', accountId: team.otherAccountId } }
      : { body: { ...person, newAccount: { name: `Fresh client ${n}`, domains: [`fresh${n}.example`] } } };
  },
  // A fresh address, and one the contact has already (left as it is).
  addContactEmails: ({ team, n }) => ({ body: { emails: [`added${n}@${team.domain}`, team.email] } }),
};

/** Where, in a route's example, a record of the team is named: the path, or a place in the body. */
export interface Reference {
  /** `path.id`, or the body field as the API names it (`body.contactIds.0`). */
  field: string;
  /** `[]` for the path; the JSON path in the body otherwise. */
  at: (string | number)[];
  kind: RecordKind;
  /** Which fixture field the example used there, so the other team's counterpart can replace it. */
  fixture: keyof TeamWorld;
}

const KIND_OF_FIELD: Record<string, RecordKind> = {
  accountId: 'account', otherAccountId: 'account', contactId: 'contact', otherContactId: 'contact', userId: 'user',
  colleagueId: 'user', inactiveUserId: 'user', interactionId: 'interaction', promiseId: 'commitment', commitmentId: 'commitment',
};

/** A team whose every id is a marker, so that where an example puts each of them can be read off. */
function markerTeam(): TeamWorld {
  const marker = (f: string) => `marker:${f}`;
  return {
    name: 'marker', teamId: marker('teamId'), userId: marker('userId'), token: 'marker-token', colleagueId: marker('colleagueId'),
    accountId: marker('accountId'), contactId: marker('contactId'), email: 'marker@marker.example', domain: 'marker.example',
    otherAccountId: marker('otherAccountId'), otherContactId: marker('otherContactId'), otherDomain: 'marker-second.example',
    interactionId: marker('interactionId'), promiseId: marker('promiseId'), commitmentId: marker('commitmentId'),
    revokedToken: 'marker-revoked', inactiveUserId: marker('inactiveUserId'), inactiveToken: 'marker-inactive',
  };
}

/** Every record reference of a route's example: its path id, and each id its body names. */
export function referencesOf(target: Target): Reference[] {
  const refs: Reference[] = [];
  if (target.idKind !== undefined) {
    refs.push({ field: 'path.id', at: [], kind: target.idKind, fixture: idFixture(target.idKind) });
  }
  const { body } = EXAMPLES[target.name]({ team: markerTeam(), n: 0, version: 1, accountVersion: 1, interactionVersion: 1 });
  const walk = (v: JsonValue, at: (string | number)[]) => {
    if (typeof v === 'string' && v.startsWith('marker:')) {
      const fixture = v.slice('marker:'.length) as keyof TeamWorld;
      const kind = KIND_OF_FIELD[fixture];
      if (kind === undefined) throw new Error(`${target.path}: the example names ${fixture}, which is not a record`);
      refs.push({ field: ['body', ...at].join('.'), at, kind, fixture });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...at, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    }
  };
  if (body !== undefined) walk(body, []);
  return refs;
}

/** The fixture field the examples put in a path `{id}` of this kind. */
function idFixture(kind: RecordKind): keyof TeamWorld {
  switch (kind) {
    case 'account': return 'accountId';
    case 'contact': return 'contactId';
    case 'interaction': return 'interactionId';
    case 'commitment': return 'commitmentId';
    case 'user': return 'userId';
  }
}

/** A copy of `value` with the value at `at` replaced. */
export function withValueAt(value: JsonObject, at: readonly (string | number)[], replacement: JsonValue): JsonObject {
  const copy = structuredClone(value);
  let node: JsonValue = copy;
  for (const [i, key] of at.entries()) {
    const last = i === at.length - 1;
    if (Array.isArray(node) && typeof key === 'number') {
      if (last) node[key] = replacement;
      else node = node[key] ?? null;
    } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && typeof key === 'string') {
      if (last) node[key] = replacement;
      else node = node[key] ?? null;
    } else {
      throw new Error(`no value at ${at.join('.')}`);
    }
  }
  return copy;
}
