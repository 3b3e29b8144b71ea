import { getPath, getQueryParam, tryDecodeURIComponent } from 'hono/utils/url';
import {
  AccountPatch, CommitmentPatch, ContactEmailsAdd, IdempotencyKey, InteractionPatch, isFreeMailDomain, NewCommitment, NewContact,
  NewInteraction,
} from '../../../lib/api';
import { MAX_BODY_BYTES } from '../../app';
import { TARGETS, type Target, type TargetName } from './endpoint-examples';
import type { RecordIndex, RecordKind } from './world';

/**
 * Says whether a request is one the API contract must refuse, and why, without asking the server:
 * the fuzz run keeps only requests this finds at least one reason against, so any success (and any
 * write) it then sees is a server fault or a fault of this file, never an accident of generation.
 *
 * It is deliberately lenient where the contract leaves room (an id in upper case, an opaque cursor
 * of a plausible form): then it calls the request possibly valid and the generator tries again.
 * It reads the path and query string with Hono's own functions, so it sees the request as routes do.
 */

/** A request as sent: absolute URL, header values as given, body bytes. */
export interface Wire {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export interface Knowledge {
  index: RecordIndex;
  /** Token → team id, for the tokens of active users that are not revoked. */
  activeTokens: Map<string, string>;
}

const ROUTES = TARGETS.map((target) => ({
  target,
  pattern: new RegExp(`^${target.path.replace(/\./g, '\\.').replace('{id}', '([^/]+)')}$`),
}));

function route(method: string, path: string): { target: Target; param?: string } | string {
  const matching = ROUTES.filter((r) => r.pattern.test(path));
  const hit = matching.find((r) => r.target.method === method);
  if (hit) {
    const param = hit.pattern.exec(path)?.[1];
    return param === undefined ? { target: hit.target } : { target: hit.target, param };
  }
  return matching.length > 0 ? `${method} is not a method of ${path}` : `no route ${path}`;
}

/** The lone `\0` PostgreSQL text cannot hold: the server refuses it in any field it keeps. */
function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasNul);
  return false;
}

/**
 * Cursors are opaque: a client may only send back what the server handed out. Their exact form is
 * the server's business (and changes), so only what no cursor of any form can be counts as
 * refused: a timeline cursor whose base64url decodes to anything but printable ASCII, a changes
 * cursor whose base64url decodes to anything but digits and dots. Cursors that merely look wrong
 * are left to the read probes, which accept any answer below 500.
 */
function cursorProblem(key: 'cursor' | 'since', value: string): string | null {
  const text = Buffer.from(value, 'base64url').toString('latin1');
  const ok = key === 'since' ? /^[0-9.]+$/.test(text) : /^[\x20-\x7e]+$/.test(text);
  return ok ? null : `query.${key} decodes to what no cursor holds`;
}

/** Body rules the schema cannot know: references, taken addresses, the year 0, versions. */
function semanticReasons(target: Target, value: unknown, teamId: string, pathId: string | undefined, k: Knowledge): string[] {
  const reasons: string[] = [];
  const record = (id: string) => k.index.records.get(id.toLowerCase());
  const mine = (id: string, kind: RecordKind) => {
    const r = record(id);
    return r !== undefined && r.kind === kind && r.teamId === teamId;
  };
  const sameAccount = (id: string, accountId: string) => record(id)?.accountId === accountId.toLowerCase();
  const ref = (field: string, id: string, kind: RecordKind) => {
    if (!mine(id, kind)) reasons.push(`${field}: not a ${kind} of the caller's team`);
  };
  const taken = (field: string, id: string | undefined, kind: RecordKind) => {
    if (id !== undefined && record(id)?.kind === kind) reasons.push(`${field}: a ${kind} with this id already exists`);
  };
  const year0 = (field: string, day: string | null | undefined) => {
    if (day?.startsWith('0000')) reasons.push(`${field}: the year 0 is no date`);
  };
  const stale = (version: number) => {
    const current = pathId === undefined ? undefined : k.index.versions.get(pathId.toLowerCase());
    if (current !== undefined && version !== current) reasons.push(`body.version: ${version} is not the current version ${current}`);
  };
  /** Held in the team by another record than the path's (a contact's address, an account's domain). */
  const heldByAnother = (value: string) => {
    const holder = k.index.holders.get(`${teamId} ${value}`);
    return holder !== undefined && holder !== pathId?.toLowerCase();
  };
  const name: TargetName = target.name;
  switch (name) {
    case 'createInteraction': {
      const b = NewInteraction.parse(value);
      ref('body.accountId', b.accountId, 'account');
      b.contactIds.forEach((id, i) => {
        ref(`body.contactIds.${i}`, id, 'contact');
        if (mine(id, 'contact') && !sameAccount(id, b.accountId)) reasons.push(`body.contactIds.${i}: a contact of another account`);
      });
      b.commitments.forEach((d, i) => {
        if (d.ownerId !== undefined) ref(`body.commitments.${i}.ownerId`, d.ownerId, 'user');
        year0(`body.commitments.${i}.dueDate`, d.dueDate);
      });
      taken('body.id', b.id, 'interaction');
      if (b.occurredAt !== undefined) {
        const at = Date.parse(b.occurredAt);
        if (Number.isNaN(at) || new Date(at).getUTCFullYear() < 1) reasons.push('body.occurredAt: not an instant of the years 1 to 9999');
      }
      break;
    }
    case 'createCommitment': {
      const b = NewCommitment.parse(value);
      ref('body.accountId', b.accountId, 'account');
      if (b.contactId !== null) {
        ref('body.contactId', b.contactId, 'contact');
        if (mine(b.contactId, 'contact') && !sameAccount(b.contactId, b.accountId)) reasons.push('body.contactId: a contact of another account');
      }
      if (b.ownerId !== undefined) ref('body.ownerId', b.ownerId, 'user');
      if (b.sourceInteractionId !== null) {
        ref('body.sourceInteractionId', b.sourceInteractionId, 'interaction');
        if (mine(b.sourceInteractionId, 'interaction') && !sameAccount(b.sourceInteractionId, b.accountId)) {
          reasons.push('body.sourceInteractionId: an interaction of another account');
        }
      }
      taken('body.id', b.id, 'commitment');
      year0('body.dueDate', b.dueDate);
      break;
    }
    case 'patchCommitment': {
      const b = CommitmentPatch.parse(value);
      stale(b.version);
      if (b.ownerId) ref('body.ownerId', b.ownerId, 'user');
      year0('body.dueDate', b.dueDate);
      break;
    }
    case 'createContact': {
      const b = NewContact.parse(value);
      const emails = k.index.emails.get(teamId) ?? new Set<string>();
      b.emails.forEach((e, i) => {
        if (emails.has(e)) reasons.push(`body.emails.${i}: already a contact's address in the team`);
      });
      if (b.accountId !== undefined) ref('body.accountId', b.accountId, 'account');
      const domains = k.index.domains.get(teamId) ?? new Set<string>();
      b.newAccount?.domains.forEach((d, i) => {
        if (isFreeMailDomain(d)) reasons.push(`body.newAccount.domains.${i}: a free-mail domain`);
        if (domains.has(d)) reasons.push(`body.newAccount.domains.${i}: already an account's domain in the team`);
      });
      taken('body.id', b.id, 'contact');
      break;
    }
    case 'patchAccount': {
      const b = AccountPatch.parse(value);
      stale(b.version);
      if (b.ownerId) ref('body.ownerId', b.ownerId, 'user');
      b.teamMemberIds?.forEach((id, i) => ref(`body.teamMemberIds.${i}`, id, 'user'));
      b.domains?.forEach((d, i) => {
        if (isFreeMailDomain(d)) reasons.push(`body.domains.${i}: a free-mail domain`);
        if (heldByAnother(d)) reasons.push(`body.domains.${i}: another account's domain in the team`);
      });
      break;
    }
    case 'patchInteraction': {
      const b = InteractionPatch.parse(value);
      stale(b.version);
      const accountId = pathId === undefined ? undefined : record(pathId)?.accountId;
      b.contactIds?.forEach((id, i) => {
        ref(`body.contactIds.${i}`, id, 'contact');
        if (accountId && mine(id, 'contact') && !sameAccount(id, accountId)) reasons.push(`body.contactIds.${i}: a contact of another account`);
      });
      if (b.occurredAt !== undefined) {
        const at = Date.parse(b.occurredAt);
        if (Number.isNaN(at) || new Date(at).getUTCFullYear() < 1) reasons.push('body.occurredAt: not an instant of the years 1 to 9999');
      }
      break;
    }
    case 'addContactEmails': {
      const b = ContactEmailsAdd.parse(value);
      b.emails.forEach((e, i) => {
        if (heldByAnother(e)) reasons.push(`body.emails.${i}: another contact's address in the team`);
      });
      break;
    }
    case 'searchAccounts':
    case 'deleteInteraction':
    case 'restoreInteraction':
    case 'lookup':
    case 'health':
    case 'openapi':
    case 'me':
    case 'account':
    case 'timeline':
    case 'commitments':
    case 'changes':
    case 'attention':
      break;
    default: {
      const unknown: never = name;
      throw new Error(`no body rules for ${String(unknown)}`);
    }
  }
  return reasons;
}

/**
 * Why the server must refuse this request; empty when it might accept it. Reasons that hold for any
 * caller come first, then those that depend on the caller's team.
 */
export function invalidity(wire: Wire, k: Knowledge): string[] {
  const request = new Request(wire.url, { method: wire.method });
  const method = request.method;
  const path = getPath(request);
  const found = route(method, path);
  if (typeof found === 'string') return [found];
  const { target, param } = found;
  const headers = new Headers(wire.headers);
  const general: string[] = [];

  if (method !== 'GET') {
    const declared = headers.get('content-length');
    if ((wire.body?.byteLength ?? 0) > MAX_BODY_BYTES) general.push(`the body is over ${MAX_BODY_BYTES} bytes`);
    else if (declared !== null && !headers.has('transfer-encoding') && Number.parseInt(declared, 10) > MAX_BODY_BYTES) {
      general.push(`Content-Length declares over ${MAX_BODY_BYTES} bytes`);
    }
  }

  if (target.query !== undefined) {
    const raw = getQueryParam(request.url);
    const query = typeof raw === 'object' ? raw : {};
    const parsed = target.query.safeParse(query);
    if (!parsed.success) general.push(`query: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    else {
      const data = parsed.data as { cursor?: unknown; since?: unknown };
      for (const key of ['cursor', 'since'] as const) {
        const value = data[key];
        const problem = typeof value === 'string' ? cursorProblem(key, value) : null;
        if (problem !== null) general.push(problem);
      }
    }
  }

  let body: unknown;
  let bodyOk = false;
  if (target.body !== undefined) {
    const text = new TextDecoder().decode(wire.body ?? new Uint8Array());
    if (text.trim() === '') general.push('the body is empty');
    else {
      let value: unknown;
      let json = true;
      try {
        value = JSON.parse(text);
      } catch {
        json = false;
        general.push('the body is not JSON');
      }
      if (json) {
        const parsed = target.body.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          general.push(`body.${issue?.path.join('.')}: ${issue?.message}`);
        } else if (hasNul(parsed.data)) {
          general.push('the body holds a NUL character');
        } else {
          body = value;
          bodyOk = true;
        }
      }
    }
  }

  if (target.idempotent) {
    const key = headers.get('idempotency-key');
    if (key !== null && !IdempotencyKey.safeParse(key).success) general.push('the Idempotency-Key is not a valid key');
  }

  if (!target.auth) return general;
  // RFC 6750: the scheme `Bearer` (any case), blanks, the token. Anything else carries no token.
  const token = /^bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  const team = token === undefined ? undefined : k.activeTokens.get(token);
  const teams = team === undefined ? [] : [team];
  if (teams.length === 0) return [...general, 'no "Bearer <token>" of an active user in Authorization'];

  // Reasons that depend on who calls.
  const forTeam = (teamId: string): string[] => {
    const reasons: string[] = [];
    let pathId: string | undefined;
    if (target.idKind !== undefined && param !== undefined) {
      const candidates = [param, tryDecodeURIComponent(param)];
      pathId = candidates.find((c) => {
        const r = k.index.records.get(c.toLowerCase());
        return r !== undefined && r.kind === target.idKind && r.teamId === teamId;
      });
      if (pathId === undefined) reasons.push(`path.id: not a ${target.idKind} of the caller's team`);
    }
    if (bodyOk) reasons.push(...semanticReasons(target, body, teamId, pathId, k));
    return reasons;
  };
  const perTeam = teams.map(forTeam);
  if (perTeam.every((r) => r.length > 0)) general.push(...(perTeam[0] ?? []));
  return general;
}
