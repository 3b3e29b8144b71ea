import { createHash } from 'node:crypto';
import { MAX_BODY_BYTES } from '../../app';
import { EXAMPLES, fillPath, ownId, referencesOf, versionsOf, type JsonValue, type Target } from './endpoint-examples';
import { invalidity, type Knowledge, type Wire } from './request-oracle';
import { recordsOf, type RecordKind, type TeamWorld, type World } from './world';

/**
 * Generates invalid requests for one route: each starts from a valid request of a member of one
 * team (the actor), gets one defect of a family (auth, method, route, path id, query, body text,
 * one body field of another type or removed or renamed, one body value at the edge of its kind,
 * a reference swapped for the other team's record, Idempotency-Key, size) and some
 * noise that must not matter (Content-Type, extra headers and parameters, unknown and
 * prototype-polluting keys, odd but valid text). `invalidity` then has the last word: a draft it
 * finds nothing against is thrown away and another one drawn. Everything comes from a seeded PRNG,
 * one stream per (seed, route, index), so any request can be made again from its number (with the
 * ids and tokens of the run's world, which are random).
 */

// ---------------------------------------------------------------- randomness

export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** A generator for one request: the same seed, route and index always give the same stream. */
  static for(seed: number, ...parts: (string | number)[]): Rng {
    const digest = createHash('sha256').update([seed, ...parts].join(':')).digest();
    return new Rng(digest.readUInt32LE(0));
  }

  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.int(xs.length)] as T;
  }

  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return (xs[xs.length - 1] as readonly [T, number])[0];
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }

  /** A version-4 UUID drawn from this stream. */
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

// ---------------------------------------------------------------- JSON with raw tokens

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/** JSON text put into a body as it is: `-0`, `1e400`, deep nesting, anything JSON.stringify won't write. */
export class Raw {
  constructor(readonly text: string) {}
}

export type Fuzz = null | boolean | number | string | Raw | Fuzz[] | { [key: string]: Fuzz };
type FuzzObject = { [key: string]: Fuzz };
type Step = string | number;

const isObject = (v: Fuzz | undefined): v is FuzzObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

/** Sets an own property, also for `__proto__` (an assignment would set the prototype instead). */
function setOwn(o: FuzzObject, key: string, value: Fuzz): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(v: Fuzz): Fuzz {
  if (Array.isArray(v)) return v.map(clone);
  if (isObject(v)) {
    const out: FuzzObject = {};
    for (const k of Object.keys(v)) setOwn(out, k, clone(v[k] as Fuzz));
    return out;
  }
  return v;
}

export function toJsonText(v: Fuzz): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${toJsonText(v[k] as Fuzz)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Every place in a value (not the value itself), parents before children. */
function placesOf(v: Fuzz, at: Step[] = []): Step[][] {
  const out: Step[][] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([...at, i], ...placesOf(x, [...at, i])));
  else if (isObject(v)) for (const k of Object.keys(v)) out.push([...at, k], ...placesOf(v[k] as Fuzz, [...at, k]));
  return out;
}

function getAt(v: Fuzz, at: readonly Step[]): Fuzz | undefined {
  let node: Fuzz | undefined = v;
  for (const step of at) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isObject(node) && typeof step === 'string') node = Object.prototype.hasOwnProperty.call(node, step) ? node[step] : undefined;
    else return undefined;
  }
  return node;
}

function parentOf(v: Fuzz, at: readonly Step[]): { parent: Fuzz | undefined; last: Step | undefined } {
  return { parent: getAt(v, at.slice(0, -1)), last: at[at.length - 1] };
}

function setAt(v: Fuzz, at: readonly Step[], value: Fuzz): void {
  const { parent, last } = parentOf(v, at);
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isObject(parent) && typeof last === 'string') setOwn(parent, last, value);
}

function removeAt(v: Fuzz, at: readonly Step[]): void {
  const { parent, last } = parentOf(v, at);
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObject(parent) && typeof last === 'string') delete parent[last];
}

// ---------------------------------------------------------------- what values to try

const deepArray = (d: number) => new Raw('['.repeat(d) + ']'.repeat(d));
const deepObject = (d: number) => new Raw('{"a":'.repeat(d) + 'null' + '}'.repeat(d));
const DEPTHS = [64, 1_000, 10_000, 100_000];

const NUMBERS: Fuzz[] = [
  0, -1, 1, 1.5, 0.1, new Raw('-0'), new Raw('-0.0'), 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 2 ** 63,
  -(2 ** 63), 2 ** 64, 1e308, -1e308, 5e-324, new Raw('1e400'), new Raw('-1e400'), new Raw('1e-400'),
  new Raw('123456789012345678901234567890'), new Raw('1.0'), new Raw('1E2'),
];

/** Odd text: control and format characters, lone surrogates, look-alikes, injections, look-alike values. */
const ODD_STRINGS: string[] = [
  '', ' ', '\t\n\r', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '\udc00\ud800', '\u202eevil', '\u200b', '\ufeff',
  '\uffff', '\ufffe', 'e\u0301\u0301\u0301', 'ﬃ', 'İıŞ', 'ß', '🙂🙂🙂', '👨‍👩‍👧', '\u2028\u2029', '\u0085', 'NaN', 'Infinity', '-0', '0x10',
  'null', 'true', 'undefined', '[]', '{}', '__proto__', '${7*7}', '{{7*7}}', "'; drop table accounts;--", '" or 1=1 --',
  '<script>alert(1)</script>', '../../etc/passwd', '%00', '%s%s%n', 'ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ', '\\u0000', '\u001b[31m',
];
const LONG_STRINGS = (): string[] => ['x'.repeat(201), 'x'.repeat(1_001), 'x'.repeat(20_001), 'x'.repeat(100_000), 'é'.repeat(100_000), '🙂'.repeat(50_000)];

const DAYS = [
  '0000-01-01', '0000-02-29', '0000-12-31', '0001-01-01', '9999-12-31', '10000-01-01', '+010000-01-01', '-000001-01-01', '2026-02-30',
  '2026-13-01', '2026-00-10', '2026-01-00', '2024-02-29', '2025-02-29', '2026-1-1', '20260101', '2026-01-01T00:00:00Z', '2026/01/01',
  ' 2026-01-01', '',
];
const INSTANTS = [
  '0000-01-01T00:00:00Z', '0000-12-31T23:59:59.999Z', '0001-01-01T00:00:00+01:00', '0001-01-01T00:59:59+01:00', '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59-23:59', '10000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z', '2026-01-01T23:59:60Z', '2026-01-01T00:00:00', '2026-01-01T00:00:00+24:00', '2026-01-01T00:00:00+23:59',
  '2026-01-01T00:00:00-00:00', '2026-01-01T00:00:00.123456789Z', '2026-01-01T00:00Z', '2026-01-01 00:00:00Z', '2026-01-01t00:00:00z',
  '1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2026-01-01T00:00:00+0100', '',
];
const EMAILS = [
  'a@b', '@x.example', 'x@', 'x@x@x.example', ' SPACED@X.example ', `${'a'.repeat(310)}@x.example`, 'x@gmail.com', 'x@[127.0.0.1]',
  'x@localhost', '"quoted"@x.example', 'ü@x.example', 'x@bücher.example', 'x@-x.example', 'x@x..example', 'x\u0000@x.example', 'x@x.example\u0000',
  'x@x.example\n', 'x@\ud800.example', '',
];
const DOMAINS = [
  'gmail.com', 'GMAIL.COM', '@gmail.com', 'outlook.com', 'localhost', 'x', '-x.example', 'x.example.', `${'a'.repeat(64)}.example`,
  'xn--bcher-kva.example', 'bücher.example', '127.0.0.1', '*.example', 'x_y.example', `${'a.'.repeat(130)}example`, '',
];
const ENUM_LIKE = ['party', 'NOTE', 'note ', ' Note', 'email,call', 'sideways', 'INBOUND', 'finished', 'DONE', 'open ', 'deleted', 'OPENCOMMITMENTS', 'everything'];
const SCALARS: Fuzz[] = [null, true, false, 0, '', [], {}];

function odd(rng: Rng): string {
  return rng.chance(0.1) ? rng.pick(LONG_STRINGS()) : rng.pick(ODD_STRINGS);
}

/** Objects whose keys try prototype pollution and mass assignment. */
function pollutingObject(rng: Rng): FuzzObject {
  const o: FuzzObject = {};
  const inner: FuzzObject = {};
  setOwn(inner, rng.pick(['isAdmin', 'polluted', 'teamId', 'role']), rng.pick([true, 'owner', 1]));
  setOwn(o, rng.pick(['__proto__', 'constructor', 'prototype']), rng.chance(0.5) ? inner : { prototype: inner });
  return o;
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__lookupSetter__'];
const EXTRA_KEYS = [...PROTO_KEYS, 'isAdmin', 'teamId', 'team_id', 'userId', 'authorId', 'createdAt', 'updatedAt', 'deleted', '', ' ', 'é', '\u0000', 'x'.repeat(300)];

export interface GenContext {
  world: World;
  knowledge: Knowledge;
}

interface Parties {
  actor: TeamWorld;
  victim: TeamWorld;
}

/** Ids to put where an id goes: the other team's, the actor's of other kinds, unknown, malformed. */
function idJunk(rng: Rng, g: GenContext, p: Parties, kind: RecordKind | undefined): string {
  const kinds: RecordKind[] = ['account', 'contact', 'interaction', 'commitment', 'user'];
  const of = (team: TeamWorld, k: RecordKind) => recordsOf(team, k);
  const choice = rng.weighted<() => string>([
    [() => rng.pick(of(p.victim, kind ?? rng.pick(kinds))), 5],
    [() => rng.pick(of(p.victim, rng.pick(kinds))), 1],
    [() => rng.pick(of(p.actor, rng.pick(kinds.filter((k) => k !== kind)))), 2],
    [() => rng.pick(of(p.actor, kind ?? rng.pick(kinds))), 1],
    [() => rng.uuid(), 2],
    [() => rng.pick(['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']), 1],
    [() => rng.pick(of(p.victim, kind ?? 'account')).toUpperCase(), 1],
    [() => rng.uuid().replace(/-/g, ''), 1],
    [() => `{${rng.uuid()}}`, 1],
    [() => `urn:uuid:${rng.uuid()}`, 1],
    [() => `${rng.uuid()} `, 1],
    [() => rng.uuid().slice(0, 35), 1],
    [() => `${rng.hex(8)}-${rng.hex(4)}-0${rng.hex(3)}-${rng.hex(4)}-${rng.hex(12)}`, 1],
    [() => rng.pick(['1', '0', '-1', '2147483648', '9223372036854775808', 'null', 'abc', 'x'.repeat(36)]), 1],
  ]);
  return choice();
}

/** Something to put in place of `original`: mostly of its type, at its edges; with `detours`, also of another type. */
function junkFor(rng: Rng, g: GenContext, p: Parties, original: Fuzz | undefined, detours = true): Fuzz {
  if (detours && rng.chance(0.15)) return rng.pick(SCALARS);
  if (detours && rng.chance(0.05)) return rng.chance(0.5) ? deepArray(rng.pick(DEPTHS)) : deepObject(rng.pick(DEPTHS));
  if (detours && rng.chance(0.05)) return pollutingObject(rng);
  if (typeof original === 'string') {
    if (/^[0-9a-f-]{36}$/i.test(original)) return idJunk(rng, g, p, g.knowledge.index.records.get(original.toLowerCase())?.kind);
    if (/^\d{4}-\d{2}-\d{2}T/.test(original)) return rng.pick(INSTANTS);
    if (/^\d{4}-\d{2}-\d{2}$/.test(original)) return rng.pick(DAYS);
    if (original.includes('@')) return rng.pick([...EMAILS, p.actor.email, p.victim.email, p.actor.email.toUpperCase()]);
    if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(original)) return rng.pick([...DOMAINS, p.actor.domain, p.victim.domain, p.actor.otherDomain]);
    if (/^[a-zA-Z]+$/.test(original) && original.length <= 16) return rng.chance(0.5) ? rng.pick(ENUM_LIKE) : odd(rng);
    return rng.chance(0.8) || !detours ? odd(rng) : rng.pick(NUMBERS);
  }
  if (typeof original === 'number') return rng.chance(0.85) || !detours ? rng.pick(NUMBERS) : String(original);
  if (Array.isArray(original)) {
    const first = original[0] ?? null;
    return rng.pick<() => Fuzz>([
      () => [],
      () => [null],
      () => [junkFor(rng, g, p, first)],
      () => [...original.map(clone), junkFor(rng, g, p, first)],
      () => Array.from({ length: rng.pick([21, 101, 1000]) }, () => clone(first)),
      () => Array.from({ length: rng.pick([2, 3]) }, () => clone(first)),
      () => clone(first),
      () => [clone(original)],
    ])();
  }
  if (isObject(original)) return rng.pick<() => Fuzz>([() => ({}), () => [clone(original)], () => pollutingObject(rng), () => 'object'])();
  return rng.pick([...NUMBERS, ...ODD_STRINGS.slice(0, 10)]);
}

// ---------------------------------------------------------------- requests

/** A request being built: the body as a value until a family writes it as text or bytes. */
interface Draft {
  method: string;
  path: string;
  /** `key=value` pieces, already encoded. */
  query: string[];
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: { value: Fuzz } | { text: string } | { bytes: Uint8Array };
}

export interface FuzzRequest extends Wire {
  target: Target['name'];
  index: number;
  family: Family;
  /** What the generator did, in words. */
  notes: string[];
  /** Why the contract refuses it (from `invalidity`). */
  reasons: string[];
  /** Drafts drawn before this one (thrown away as possibly valid). */
  discarded: number;
}

/** encodeURIComponent, which throws on a lone surrogate; this writes one as its three (invalid) UTF-8 bytes. */
function enc(s: string): string {
  return s.replace(/[^]/gu, (c) => {
    const code = c.codePointAt(0) ?? 0;
    if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(c);
  });
}

function validDraft(target: Target, rng: Rng, g: GenContext, p: Parties): Draft {
  const example = EXAMPLES[target.name]({ team: p.actor, n: rng.int(1_000_000), ...versionsOf(p.actor, g.knowledge.index.versions) });
  const headers: Record<string, string> = { authorization: `Bearer ${p.actor.token}` };
  const draft: Draft = {
    method: target.method,
    path: fillPath(target, target.idKind === undefined ? undefined : ownId(p.actor, target.idKind)),
    query: Object.entries(example.query ?? {}).map(([k, v]) => `${enc(k)}=${enc(v)}`),
    headers,
  };
  if (example.body !== undefined) {
    headers['content-type'] = 'application/json';
    draft.body = { value: clone(example.body as JsonValue as Fuzz) };
  }
  return draft;
}

export type Family =
  | 'auth' | 'method' | 'route' | 'path-id' | 'query' | 'body-text' | 'body-field' | 'boundary' | 'body-ref' | 'idempotency-key'
  | 'oversized';

function familiesOf(target: Target): (readonly [Family, number])[] {
  const out: (readonly [Family, number])[] = [['method', 1], ['route', 1]];
  if (target.auth) out.push(['auth', 3]);
  if (target.idKind !== undefined) out.push(['path-id', 3]);
  if (target.query !== undefined) out.push(['query', 4]);
  if (target.body !== undefined) out.push(['body-text', 3], ['body-field', 5], ['boundary', 4], ['oversized', 0.3]);
  if (target.createdKind !== undefined || referencesOf(target).some((r) => r.field.startsWith('body.'))) out.push(['body-ref', 4]);
  if (target.idempotent) out.push(['idempotency-key', 1]);
  return out;
}

function bodyText(d: Draft): string | undefined {
  if (d.body === undefined) return undefined;
  if ('value' in d.body) return toJsonText(d.body.value);
  if ('text' in d.body) return d.body.text;
  return undefined;
}

function authDefect(d: Draft, rng: Rng, p: Parties, notes: string[]): void {
  const token = p.actor.token;
  const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  const variant = rng.pick<readonly [string, string | undefined]>([
    ['no Authorization', undefined],
    ['Basic credentials', `Basic ${Buffer.from(`${p.actor.email}:${token}`).toString('base64')}`],
    ['scheme alone', 'Bearer'],
    ['scheme and blanks', 'Bearer \t '],
    ['another scheme', `Token ${token}`],
    ['no scheme', token],
    ['token with a suffix', `Bearer ${token}x`],
    ['token with a prefix', `Bearer x${token}`],
    ['two tokens', `Bearer ${token} ${token}`],
    ['two headers joined', `Bearer ${token}, Bearer ${token}`],
    ['revoked token', `Bearer ${p.actor.revokedToken}`],
    ["the other team's revoked token", `Bearer ${p.victim.revokedToken}`],
    ["a deactivated user's token", `Bearer ${p.actor.inactiveToken}`],
    ['unknown token', `Bearer crm_${Buffer.from(rng.bytes(32)).toString('base64url')}`],
    ['token with one character changed', `Bearer ${flipped}`],
    ['token in upper case', `Bearer ${token.toUpperCase()}`],
    ['token cut short', `Bearer ${token.slice(0, -1)}`],
    ['the stored hash of the token', `Bearer ${createHash('sha256').update(token).digest('hex')}`],
    ['token of 513 characters', `Bearer ${'a'.repeat(513)}`],
    ['oversized header', `Bearer ${'a'.repeat(rng.pick([8_192, 65_536, 200_000]))}`],
    ['Latin-1 bytes', 'Bearer \u00e9\u00ff\u00a0\u00e0'],
    ['literal null', 'Bearer null'],
    ['literal undefined', 'Bearer undefined'],
    ['Digest scheme', 'Digest username="x", realm="crm"'],
  ]);
  notes.push(`Authorization: ${variant[0]}`);
  if (variant[1] === undefined) delete d.headers.authorization;
  else d.headers.authorization = variant[1];
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'PURGE', 'FOO', 'LINK', 'PROPFIND', 'MKCOL'];

function methodDefect(d: Draft, rng: Rng, target: Target, notes: string[]): void {
  d.method = rng.pick(METHODS.filter((m) => m !== target.method));
  notes.push(`method ${d.method}`);
  if (d.body === undefined && d.method !== 'GET' && rng.chance(0.5)) d.body = { text: rng.pick(['{}', '[]', 'x', '']) };
}

function routeDefect(d: Draft, rng: Rng, notes: string[]): void {
  const p = d.path;
  const rest = p.slice('/v1'.length);
  const variant = rng.pick<readonly [string, string]>([
    ['trailing slash', `${p}/`],
    ['two trailing slashes', `${p}//`],
    ['double slash', `/v1/${rest}`],
    ['upper case', p.toUpperCase()],
    ['upper-case version', `/V1${rest}`],
    ['another version', `/v2${rest}`],
    ['under /api', `/api${p}`],
    ['without /v1', rest],
    ['an extension', `${p}.json`],
    ['a matrix parameter', `${p};x=1`],
    ['an encoded blank', `${p}%20`],
    ['an encoded NUL', `${p}%00`],
    ['an encoded slash', `${p}%2F`],
    ['an extra segment', `${p}/x`],
    ['a dot-dot segment', `${p}/..`],
    ['a dot segment', `${p}/./x`],
    ['an encoded dot-dot', `/v1/%2e%2e${rest}`],
    ['an encoded letter', p.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)],
    ['a backslash', p.replace(/\/(?=[^/]*$)/, '\\')],
    ['a tab', `${p}\t`],
    ['a fragment', `${p}#x`],
    ['an overlong path', `${p}/${'x'.repeat(rng.pick([1_000, 50_000]))}`],
    ['non-ASCII', `${p}é`],
  ]);
  notes.push(`path: ${variant[0]}`);
  d.path = variant[1];
}

function pathIdDefect(d: Draft, rng: Rng, g: GenContext, p: Parties, target: Target, notes: string[]): void {
  const own = target.idKind === undefined ? '' : ownId(p.actor, target.idKind);
  const id = rng.weighted<() => string>([
    [() => enc(idJunk(rng, g, p, target.idKind)), 6],
    [() => rng.pick(['..', '.', '%2e%2e', '%2E', '..%2F..%2Fme', `..%2F${p.victim.accountId}`, `${own}/..`, `${own}/../${p.victim.accountId}`]), 2],
    [() => rng.pick(['%00', '%ff', '%zz', '%', '%%', '%E2%80%AE', `%E2%80%AE${own}`, `${own}%00`, `%20${own}`, '%2F', '%3F', '%23', `${own};x`]), 2],
    [() => enc(odd(rng)), 2],
    [() => '', 1],
  ])();
  notes.push(`path id "${id.slice(0, 80)}"`);
  d.path = target.path.replace('{id}', id);
}

function queryValues(key: string, rng: Rng): string[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  switch (key) {
    case 'limit':
      return ['0', '-1', '-0', '101', '1001', '1e9', '1e400', '9007199254740993', '2147483648', '9223372036854775808', 'abc', '', '1.5',
        'NaN', 'Infinity', '-Infinity', '0x10', '1_0', ' 5', '+5', '05', '٣', '1,2', '[1]', 'null', 'true', '\u0000', 'a'.repeat(1000)];
    case 'kind':
      return ['party', 'NOTE', 'note,party', ',,', ' note', 'note;call', 'email,', '\u0000', 'a'.repeat(10_000), 'note\u0000', 'note,,call'];
    case 'status':
      return ['OPEN', 'opened', '', 'all,open', 'Open', 'done ', 'null', '\u0000', 'x'.repeat(5000)];
    case 'cursor':
      return ['not-a-cursor', '', 'a'.repeat(201), b64(rng.hex(20)), b64('["2026-01-01T00:00:00.000Z","x"]'), b64(`["0000-01-01T00:00:00.000Z","${rng.uuid()}"]`),
        b64('[1,2]'), b64(`["2026-01-01T00:00:00.000Z","${rng.uuid()}",3]`), b64(`["2026-01-01T00:00:00Z","${rng.uuid()}"]`), '====', '%%%', b64('null')];
    case 'since':
      return ['abc', '', b64('1.2.3'), b64('-1.5'), b64('99999999999999999999.1'), b64('1.99999999999999999999'), b64('1.9999999999999999999'),
        b64('18446744073709551616.0'), b64('0.0'), b64('1 .2'), 'a'.repeat(201), '%%%', b64('\u0000')];
    default:
      return [odd(rng), '', 'x'.repeat(300)];
  }
}

function queryDefect(d: Draft, rng: Rng, target: Target, notes: string[]): void {
  const shape = target.query !== undefined && 'shape' in target.query ? Object.keys(target.query.shape as object) : [];
  const key = rng.pick(shape);
  const values = Array.from({ length: rng.pick([1, 1, 1, 2, 3]) }, () => rng.pick(queryValues(key, rng)));
  notes.push(`query ${key}=${values.map((v) => JSON.stringify(v.slice(0, 40))).join(' & ')}`);
  const kept = d.query.filter((q) => !q.startsWith(`${key}=`));
  const pieces = values.map((v) => (v === '' && rng.chance(0.3) ? key : `${key}=${rng.chance(0.9) ? enc(v) : v.replace(/[&#%]/g, enc)}`));
  d.query = rng.chance(0.5) ? [...pieces, ...kept] : [...kept, ...pieces];
}

function bodyTextDefect(d: Draft, rng: Rng, notes: string[]): void {
  const text = bodyText(d) ?? '{}';
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const variant = rng.pick<readonly [string, () => string | Uint8Array]>([
    ['cut short', () => text.slice(0, rng.int(text.length))],
    ['garbage after', () => text + rng.pick(['x', '}', ']', ',', '{}', '\u0000', 'null', '// c', '/* c */'])],
    ['garbage before', () => rng.pick([")]}'\n", 'x', '\u0000', '\ufeff\ufeff', 'while(1);', '\ufeff']) + text],
    ['single quotes', () => text.replaceAll('"', "'")],
    ['a trailing comma', () => text.replace(/}$/, ',}')],
    ['unquoted keys', () => text.replace(/"(\w+)":/g, '$1:')],
    ['a JavaScript literal', () => text.replace(/:("[^"]*"|-?\d[\d.eE+-]*)/, `:${rng.pick(['NaN', 'Infinity', '-Infinity', 'undefined', 'True', 'None', '0x10', '01', '.5', '+1', '1.', '--1'])}`)],
    ['a raw control character in a string', () => text.replace(/"([^"]*)"/, (_m, s: string) => `"${s}${rng.pick(['\n', '\t', '\u0001', '\u001f'])}"`)],
    ['a bad escape', () => text.replace(/"([^"]*)"/, (_m, s: string) => `"${s}${rng.pick(['\\x41', '\\u12', '\\a', '\\'])}"`)],
    ['a lone surrogate escape', () => text.replace(/"([^"]*)"/, (_m, s: string) => `"${s}\\ud800"`)],
    ['a duplicate key after', () => text.replace(/}$/, `,${JSON.stringify(rng.pick(['x', ...Object.keys(safeParse(text))]))}:${toJsonText(rng.pick(SCALARS))}}`)],
    ['a duplicate key before', () => text.replace(/^{/, `{${JSON.stringify(rng.pick(['x', ...Object.keys(safeParse(text))]))}:${toJsonText(rng.pick(SCALARS))},`)],
    ['not an object', () => rng.pick(['null', 'true', '0', '-1', '"text"', '[]', `[${text}]`, '1e400', '""', '[[[[]]]]', JSON.stringify(text)])],
    ['blank', () => rng.pick(['', ' ', '\n\t', '\u00a0', '\ufeff', '\r\n'])],
    ['deep nesting', () => rng.pick([deepArray(rng.pick(DEPTHS)).text, deepObject(rng.pick(DEPTHS)).text])],
    ['UTF-16', () => new Uint8Array(Buffer.from(text, 'utf16le'))],
    ['invalid UTF-8 first', () => new Uint8Array([...rng.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]), ...utf8(text)])],
    ['Latin-1', () => new Uint8Array(Buffer.from(text.replace(/"([^"]*)"/, '"$1é"'), 'latin1'))],
    ['random bytes', () => rng.bytes(1 + rng.int(200))],
    ['form-encoded', () => 'accountId=x&kind=note&summary=hello'],
  ]);
  notes.push(`body text: ${variant[0]}`);
  const out = variant[1]();
  d.body = typeof out === 'string' ? { text: out } : { bytes: out };
}

function safeParse(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function bodyFieldDefect(d: Draft, rng: Rng, g: GenContext, p: Parties, notes: string[]): void {
  if (d.body === undefined || !('value' in d.body)) return;
  const value = d.body.value;
  const places = placesOf(value);
  if (places.length === 0) return;
  const at = rng.pick(places);
  const where = at.join('.');
  const original = getAt(value, at);
  const op = rng.weighted<string>([['remove', 2], ['replace', 7], ['wrap', 1], ['rename', 1], ['deep', 0.5]]);
  switch (op) {
    case 'remove':
      removeAt(value, at);
      break;
    case 'replace':
      setAt(value, at, junkFor(rng, g, p, original));
      break;
    case 'wrap':
      setAt(value, at, rng.chance(0.5) ? [clone(original ?? null)] : { value: clone(original ?? null) });
      break;
    case 'rename': {
      const last = at[at.length - 1];
      if (typeof last === 'string') {
        const parent = getAt(value, at.slice(0, -1));
        const renamed = rng.pick([last.toLowerCase(), last.toUpperCase(), last.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), ` ${last}`, `${last}\u0000`, last.replace('a', '\u0430')]);
        if (isObject(parent)) {
          removeAt(value, at);
          setOwn(parent, renamed, clone(original ?? null));
        }
      } else {
        removeAt(value, at);
      }
      break;
    }
    default:
      setAt(value, at, rng.chance(0.5) ? deepArray(rng.pick(DEPTHS)) : deepObject(rng.pick(DEPTHS)));
  }
  notes.push(`body field ${where}: ${op}`);
}

/** One text or number of the body replaced by a value of its own kind at the edge: dates of the year 0 or 10000, 2^31, -0, 100k characters… */
function boundaryDefect(d: Draft, rng: Rng, g: GenContext, p: Parties, notes: string[]): void {
  if (d.body === undefined || !('value' in d.body)) return;
  const value = d.body.value;
  const leaves = placesOf(value).filter((at) => ['string', 'number'].includes(typeof getAt(value, at)));
  if (leaves.length === 0) return;
  const at = rng.pick(leaves);
  const edge = junkFor(rng, g, p, getAt(value, at), false);
  setAt(value, at, edge);
  notes.push(`body field ${at.join('.')}: ${edge instanceof Raw ? edge.text : cut(JSON.stringify(edge) ?? '', 60)}`);
}

function bodyRefDefect(d: Draft, rng: Rng, g: GenContext, p: Parties, target: Target, notes: string[]): void {
  if (d.body === undefined || !('value' in d.body)) return;
  const value = d.body.value;
  const refs = placesOf(value).filter((at) => {
    const v = getAt(value, at);
    return typeof v === 'string' && g.knowledge.index.records.has(v.toLowerCase());
  });
  const clientId = target.createdKind !== undefined && (refs.length === 0 || rng.chance(0.25));
  if (clientId && target.createdKind !== undefined) {
    const kind = target.createdKind;
    const team = rng.chance(0.6) ? p.victim : p.actor;
    const id = rng.pick(recordsOf(team, rng.chance(0.9) ? kind : rng.pick(['account', 'user'] as const)));
    if (isObject(value)) setOwn(value, 'id', rng.chance(0.1) ? id.toUpperCase() : id);
    notes.push(`body.id: an existing ${kind} id of ${team === p.victim ? 'the other team' : 'the caller'}`);
    return;
  }
  if (refs.length === 0) return;
  const at = rng.pick(refs);
  const original = getAt(value, at);
  const kind = typeof original === 'string' ? g.knowledge.index.records.get(original.toLowerCase())?.kind : undefined;
  const replacement = rng.weighted<() => string>([
    [() => rng.pick(recordsOf(p.victim, kind ?? 'account')), 6],
    [() => rng.uuid(), 2],
    [() => idJunk(rng, g, p, kind), 2],
    [() => rng.pick(recordsOf(p.actor, kind ?? 'account')), 1],
  ])();
  setAt(value, at, replacement);
  const owner = g.knowledge.index.records.get(replacement.toLowerCase());
  notes.push(`body.${at.join('.')}: ${owner === undefined ? 'an unknown id' : `a ${owner.kind} of ${owner.teamId === p.victim.teamId ? 'the other team' : 'the caller'}`}`);
}

const BAD_KEYS = [
  '', 'short', 'a'.repeat(7), 'a'.repeat(201), 'a'.repeat(5_000), 'key with space', 'key/slash/12', 'key,comma,12', 'clé-0123456', 'key\ttab-1234',
  '%00%00%00%00', 'null', '12345678;DROP', `${'k'.repeat(8)}\u00ff`, 'key"quoted"', 'key{brace}1', '  padded-key-1  ',
];

function idempotencyDefect(d: Draft, rng: Rng, notes: string[]): void {
  const key = rng.pick(BAD_KEYS);
  notes.push(`Idempotency-Key ${JSON.stringify(key.slice(0, 40))}`);
  d.headers['idempotency-key'] = key;
}

function oversizedDefect(d: Draft, rng: Rng, notes: string[]): void {
  if (rng.chance(0.5) && d.body !== undefined && 'value' in d.body && isObject(d.body.value)) {
    const size = MAX_BODY_BYTES + 1 + rng.int(10_000);
    setOwn(d.body.value, 'padding', 'x'.repeat(size));
    notes.push(`body over the limit (${size} bytes of padding)`);
  } else {
    d.headers['content-length'] = rng.pick([String(MAX_BODY_BYTES + 1), '99999999999']);
    notes.push(`Content-Length: ${d.headers['content-length']}`);
  }
}

// ---------------------------------------------------------------- noise

const CONTENT_TYPES = [
  'APPLICATION/JSON', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json;charset=utf-16', 'text/plain',
  'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml',
  'application/merge-patch+json', 'application/vnd.api+json', '', '*/*', 'application/json, text/plain', 'json',
];
const EXTRA_HEADERS: readonly (readonly [string, string])[] = [
  ['host', 'evil.example'], ['host', 'localhost:8787'], ['host', '127.0.0.1'], ['host', '[::1]:8787'], ['x-forwarded-for', '203.0.113.9'],
  ['x-forwarded-host', 'evil.example'], ['forwarded', 'for=203.0.113.9;host=evil.example'], ['origin', 'https://evil.example'],
  ['origin', 'null'], ['referer', 'https://evil.example/'], ['accept', 'text/html'], ['accept', 'application/xml'], ['accept-encoding', 'gzip, br'],
  ['accept-language', 'xx'], ['cookie', 'session=abc; crm=1'], ['x-http-method-override', 'DELETE'], ['x-method-override', 'GET'],
  ['content-encoding', 'gzip'], ['user-agent', '\u00ff\u00fe\u00e9'],
  ['x-custom', 'x'.repeat(16_000)], ['if-none-match', '*'], ['range', 'bytes=0-1'], ['x-request-id', '\u00ff\u00fe'],
  ['access-control-request-method', 'DELETE'], ['expect', '100-continue'],
];
const QUERY_NOISE = [
  'foo=bar', '__proto__=x', '__proto__[isAdmin]=1', 'constructor=1', 'toString=x', 'a[b]=c', '=x', 'x=', 'x', '%00=%00', 'utf8=%C3%A9',
  'bad=%zz', 'bad=%', 'emails=x%40y.example', 'status=bogus', 'cursor=junk', 'since=junk', 'kind=party', 'limit=0', 'limit=-1', 'id=1',
  `x=${'a'.repeat(10_000)}`, '', '&',
];
const VALID_KEYS = ['fuzz-key-0001', 'fuzz-key-0002', 'fuzz-key-0003', 'fuzz.key:0004'];

function addNoise(d: Draft, rng: Rng, g: GenContext, p: Parties, target: Target, notes: string[]): void {
  if (d.body !== undefined && rng.chance(0.2)) {
    const type = rng.chance(0.15) ? undefined : rng.pick(CONTENT_TYPES);
    if (type === undefined) delete d.headers['content-type'];
    else d.headers['content-type'] = type;
    notes.push(`noise: Content-Type ${type === undefined ? 'absent' : JSON.stringify(type)}`);
  }
  if (rng.chance(0.25)) {
    for (let i = rng.int(3); i >= 0; i--) {
      const [name, value] = rng.pick(EXTRA_HEADERS);
      d.headers[name] = value;
      notes.push(`noise: ${name}: ${value.slice(0, 30)}`);
    }
  }
  if (target.idempotent && d.headers['idempotency-key'] === undefined && rng.chance(0.2)) {
    d.headers['idempotency-key'] = rng.pick(VALID_KEYS);
    notes.push(`noise: Idempotency-Key ${d.headers['idempotency-key']}`);
  }
  if (rng.chance(0.25)) {
    const extra = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(QUERY_NOISE));
    d.query = rng.chance(0.5) ? [...extra, ...d.query] : [...d.query, ...extra];
    notes.push(`noise: query ${extra.join('&').slice(0, 60)}`);
  }
  if (d.body !== undefined && 'value' in d.body) {
    const value = d.body.value;
    if (rng.chance(0.3)) {
      const objects = [[], ...placesOf(value)].filter((at) => isObject(getAt(value, at)));
      for (let i = rng.int(3); i >= 0; i--) {
        const at = rng.pick(objects);
        const node = getAt(value, at);
        const key = rng.pick(EXTRA_KEYS);
        if (isObject(node)) setOwn(node, key, rng.chance(0.3) ? pollutingObject(rng) : junkFor(rng, g, p, rng.pick(['text', 1, [1]])));
        notes.push(`noise: unknown key ${JSON.stringify(key.slice(0, 20))} at body${at.length ? '.' : ''}${at.join('.')}`);
      }
    }
    if (rng.chance(0.15)) {
      const texts = placesOf(value).filter((at) => {
        const v = getAt(value, at);
        return typeof v === 'string' && !/^[0-9a-f-]{36}$|@|^\d{4}-/.test(v);
      });
      if (texts.length > 0) {
        const at = rng.pick(texts);
        const text = rng.pick(['Zoë 🙂 \u202e', 'x\ud800y', '\udfff', 'é'.repeat(5_000), 'e\u0301', '\u200b\u200b', 'İı', 'ﬃ']);
        setAt(value, at, text);
        notes.push(`noise: odd text at body.${at.join('.')}`);
      }
    }
  }
}

// ---------------------------------------------------------------- the generator

function toWire(d: Draft): Wire {
  const query = d.query.length > 0 ? `?${d.query.join('&')}` : '';
  const wire: Wire = { method: d.method, url: `http://localhost${d.path}${query}`, headers: d.headers };
  if (d.body !== undefined && d.method !== 'GET' && d.method !== 'HEAD') {
    wire.body = 'bytes' in d.body ? d.body.bytes : new TextEncoder().encode('text' in d.body ? d.body.text : toJsonText(d.body.value));
  }
  return wire;
}

const MAX_DRAFTS = 60;

/** The `index`-th invalid request of `target` for `seed`. */
export function generateRequest(seed: number, target: Target, index: number, g: GenContext): FuzzRequest {
  const rng = Rng.for(seed, target.name, index);
  const families = familiesOf(target);
  for (let discarded = 0; discarded < MAX_DRAFTS; discarded++) {
    const p: Parties = rng.chance(0.5) ? { actor: g.world.a, victim: g.world.b } : { actor: g.world.b, victim: g.world.a };
    const d = validDraft(target, rng, g, p);
    const family = rng.weighted(families);
    const notes: string[] = [`by ${p.actor.name}`];
    switch (family) {
      case 'auth': authDefect(d, rng, p, notes); break;
      case 'method': methodDefect(d, rng, target, notes); break;
      case 'route': routeDefect(d, rng, notes); break;
      case 'path-id': pathIdDefect(d, rng, g, p, target, notes); break;
      case 'query': queryDefect(d, rng, target, notes); break;
      case 'body-text': bodyTextDefect(d, rng, notes); break;
      case 'body-field': bodyFieldDefect(d, rng, g, p, notes); break;
      case 'boundary': boundaryDefect(d, rng, g, p, notes); break;
      case 'body-ref': bodyRefDefect(d, rng, g, p, target, notes); break;
      case 'idempotency-key': idempotencyDefect(d, rng, notes); break;
      case 'oversized': oversizedDefect(d, rng, notes); break;
    }
    if (rng.chance(0.6)) addNoise(d, rng, g, p, target, notes);
    const wire = toWire(d);
    const reasons = invalidity(wire, g.knowledge);
    if (reasons.length > 0) return { ...wire, target: target.name, index, family, notes, reasons, discarded };
  }
  throw new Error(`no invalid request for ${target.name} #${index} (seed ${seed}) in ${MAX_DRAFTS} drafts: the generator needs a look`);
}


/** Everything needed to send the request again, on one line. */
export function reproduction(r: FuzzRequest, seed: number): string {
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, cut(v, 80)]));
  const body = r.body === undefined ? 'none' : `${r.body.byteLength} bytes ${JSON.stringify(cut(Buffer.from(r.body).toString('utf8'), 300))}`;
  return `seed ${seed} ${r.target} #${r.index} [${r.family}; ${r.notes.join('; ')}] ${r.method} ${cut(r.url, 200)} headers ${JSON.stringify(headers)} body ${body} — refused because: ${r.reasons.join('; ')}`;
}

// ---------------------------------------------------------------- reads at the edges

/** A read that may well be valid: any answer below 500 will do, as long as it is the contract's. */
export interface Probe extends Wire {
  target: Target['name'];
  note: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const BIG = ['0', '1', '9223372036854775807', '9223372036854775808', '18446744073709551615', '18446744073709551616', '99999999999999999999'];
const CURSOR_INSTANTS = [
  '0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-02-30T00:00:00.000Z',
  '2026-01-01T24:00:00.000Z', '2026-13-01T00:00:00.000Z',
];

/**
 * Reads at the edge of what the contract allows, by each team: cursors of the feed's and the
 * timeline's form holding boundary numbers and instants (they are opaque, so whether one is
 * accepted is the server's business, but it must never fail), ids in upper case or
 * percent-encoded, the largest pages, lookups of the other team's addresses.
 */
export function boundaryReads(world: World): Probe[] {
  const out: Probe[] = [];
  for (const [actor, victim] of [[world.a, world.b], [world.b, world.a]] as const) {
    const headers = { authorization: `Bearer ${actor.token}` };
    const get = (target: Target['name'], path: string, note: string) =>
      out.push({ target, note: `${actor.name}: ${note}`, method: 'GET', url: `http://localhost${path}`, headers });
    for (const at of CURSOR_INSTANTS) {
      for (const id of [actor.interactionId, victim.interactionId, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', actor.interactionId.toUpperCase()]) {
        get('timeline', `/v1/accounts/${actor.accountId}/timeline?cursor=${b64(JSON.stringify([at, id]))}`, `timeline cursor [${at}, ${id}]`);
      }
    }
    for (const x of BIG) {
      for (const y of BIG) {
        get('changes', `/v1/changes?since=${b64(`2.${x}.${y}`)}`, `changes since 2.${x}.${y}`);
        get('changes', `/v1/changes?since=${b64(`${x}.${y}`)}`, `changes since ${x}.${y}`);
      }
    }
    for (const limit of ['1', '100']) get('timeline', `/v1/accounts/${actor.accountId}/timeline?limit=${limit}&kind=${['email', 'call', 'meeting', 'note', 'order', 'cancellation', 'complaint', 'billing', 'outage', 'other'].join(',')}`, `timeline limit ${limit}, every kind`);
    for (const limit of ['1', '1000', '+5', '0x10', ' 7', '1e2']) get('changes', `/v1/changes?limit=${encodeURIComponent(limit)}`, `changes limit ${limit}`);
    const upper = actor.accountId.toUpperCase();
    const encoded = actor.accountId.replace(/[a-f]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
    for (const [name, suffix] of [['account', ''], ['timeline', '/timeline'], ['commitments', '/commitments']] as const) {
      get(name, `/v1/accounts/${upper}${suffix}`, `${name} with the account id in upper case`);
      get(name, `/v1/accounts/${encoded}${suffix}`, `${name} with the account id percent-encoded`);
    }
    const lookup = (emails: string[], note: string) =>
      out.push({
        target: 'lookup', note: `${actor.name}: ${note}`, method: 'POST', url: 'http://localhost/v1/lookup',
        headers: { ...headers, 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify({ emails, include: ['openCommitments'] })),
      });
    lookup([victim.email, `someone@${victim.domain}`, `second@${victim.otherDomain}`], "the other team's addresses");
    lookup(Array.from({ length: 100 }, (_, i) => `p${i}@${i % 2 ? actor.domain : victim.domain}`), '100 addresses of both teams');
    lookup([actor.email.toUpperCase(), ` ${actor.email} `, `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`], 'addresses at the edge of the format');
    lookup(['x@xn--bcher-kva.example', 'x@gmail.com', actor.email, actor.email], 'punycode, free mail and a duplicate');
  }
  return out;
}
