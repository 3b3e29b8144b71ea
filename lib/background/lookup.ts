import { Email, LOOKUP_MAX, type Commitment, type CommitmentList, type LookupInclude, type LookupMatch } from '../api';
import { exclusionOf } from '../config/exclusions';
import { ProblemError, toProblem } from '../messaging/problem-error';
import type { Fresh, LookupItem, ThreadLookup } from '../messaging/protocol';
import { getAccount, getCommitments } from './account-reads';
import type { Ctx } from './context';
import type { LookupEntry } from './db';
import { FRESH_MS } from './swr';

/**
 * Looks up many addresses in one go. Colleagues, never-look-up entries and non-addresses are
 * answered locally and never leave the browser; cached answers come back at once (stale ones
 * are refreshed in the background); the rest cost one POST /v1/lookup per 100 addresses. If
 * those can't be fetched, the call fails, unless some addresses could be answered anyway.
 * The accounts of the `prefetch` addresses that turn out to be clients are read ahead
 * (`prefetchAccounts`) as soon as their answers are known.
 */
export async function lookupEmails(ctx: Ctx, raw: readonly string[], prefetch: readonly string[] = []): Promise<LookupItem[]> {
  return (await lookupAll(ctx, raw, prefetch)).items;
}

/** Open commitments a lookup brought along, by account id. */
type Brought = Map<string, Fresh<CommitmentList>>;

/** One address's answer from the CRM, with its account's open commitments when they came along. */
interface Fetched { match: LookupMatch; open?: Fresh<CommitmentList> }

/** `lookupEmails`, also giving the open commitments that came along with the answers fetched for it. */
async function lookupAll(ctx: Ctx, raw: readonly string[], prefetch: readonly string[]): Promise<{ items: LookupItem[]; brought: Brought }> {
  const brought: Brought = new Map();
  const settings = await ctx.settings();
  const answers = new Map<string, LookupItem>();
  const order: string[] = [];
  const allowed: string[] = [];
  for (const text of raw) {
    const parsed = Email.safeParse(text);
    const email = parsed.success ? parsed.data : text.trim();
    if (order.includes(email)) continue;
    order.push(email);
    const reason = parsed.success ? exclusionOf(email, settings) : null;
    if (!parsed.success) answers.set(email, { match: 'not-an-address', email });
    else if (reason) answers.set(email, { match: 'excluded', email, reason });
    else allowed.push(email);
  }

  // Addresses never stored are not read for: a thread of new people goes to the CRM at once.
  const stored = storedAddressesOf(ctx);
  const toRead = stored ? allowed.filter((email) => stored.has(email)) : allowed;
  const cached = new Map<string, LookupEntry>();
  if (toRead.length > 0) {
    const tx = ctx.db.transaction('lookups');
    const entries = await Promise.all(toRead.map((email) => tx.store.get(email)));
    await tx.done;
    entries.forEach((entry) => entry && cached.set(entry.email, entry));
  }
  const now = ctx.now();
  const misses: string[] = [];
  const stale: string[] = [];
  allowed.forEach((email) => {
    const entry = cached.get(email);
    if (!entry) return misses.push(email);
    answers.set(email, entry.match);
    if (now - entry.fetchedAt > FRESH_MS) stale.push(email);
  });

  const wanted = new Set(prefetch.map((e) => e.trim().toLowerCase()));
  const readAhead = (matches: readonly LookupItem[]) => {
    if (wanted.size > 0) prefetchAccounts(ctx, matches.filter((m) => wanted.has(m.email)));
  };
  readAhead([...answers.values()]);

  if (misses.length > 0) {
    try {
      // An address already being asked about joins that request (the page and the sidebar ask
      // about a thread's people at the same time); the rest go in one request of their own.
      const pending = inFlightOf(ctx);
      const joined = misses.filter((email) => pending.has(email));
      const asked = misses.filter((email) => !pending.has(email));
      // Opening a thread: its clients' open commitments come with the answer, stored before the
      // read-ahead (and the sidebar) ask for them.
      const include = wanted.size > 0 ? (['openCommitments'] as const) : [];
      const fetched = asked.length > 0 ? fetchAnswers(ctx, asked, readAhead, include) : Promise.resolve([]);
      asked.forEach((email, i) => {
        const one = fetched.then((all) => all[i] as Fetched);
        pending.set(email, one);
        void one.then(() => pending.delete(email), () => pending.delete(email));
      });
      const [own, others] = await Promise.all([fetched, Promise.all(joined.map((email) => pending.get(email) as Promise<Fetched>))]);
      // What the other request asked ahead for was its own business: read ahead for these too.
      if (others.length > 0) readAhead(others.map((f) => f.match));
      for (const { match, open } of [...own, ...others]) {
        answers.set(match.email, match);
        if (open && match.match !== 'unknown') brought.set(match.account.id, open);
      }
    } catch (error) {
      // With nothing else to show the caller gets the problem; otherwise the cached answers
      // still count (an inbox keeps its badges) and only the new addresses say why they're missing.
      if (answers.size === 0) throw error;
      const problem = toProblem(error);
      for (const email of misses) answers.set(email, { match: 'unavailable', email, problem });
    }
  }
  if (stale.length > 0) {
    ctx.background(fetchLookups(ctx, stale).then(() => ctx.notify({ emails: stale })));
  }
  // Every address in `order` got an answer above, or fetchLookups threw.
  return { items: order.map((email) => answers.get(email) as LookupItem), brought };
}

/**
 * Per background, every address with a stored answer, read once from the store and then kept
 * with each answer stored, so that an address that has none is asked about without reading the
 * store first. Null until read. Only ever a shortcut: an address it lists whose answer is gone
 * (dropped by an invalidation) is read, found missing and asked about; one it missed (stored
 * while it was being read) costs at most a repeated question.
 */
const storedAddresses = new WeakMap<Ctx, { set: Set<string> | null; noted: string[] }>();

function storedAddressesOf(ctx: Ctx): Set<string> | null {
  let known = storedAddresses.get(ctx);
  if (!known) {
    const loading: { set: Set<string> | null; noted: string[] } = { set: null, noted: [] };
    storedAddresses.set(ctx, (known = loading));
    // Addresses stored while the keys were being read were noted meanwhile: kept too.
    ctx.background(ctx.db.getAllKeys('lookups').then((keys) => { loading.set = new Set([...keys, ...loading.noted]); }));
  }
  return known.set;
}

function noteStored(ctx: Ctx, emails: readonly string[]): void {
  const known = storedAddresses.get(ctx);
  if (known?.set) for (const email of emails) known.set.add(email);
  else known?.noted.push(...emails);
}

/** Per background (its `Ctx`), the addresses whose answer is on its way from the CRM. */
const inFlight = new WeakMap<Ctx, Map<string, Promise<Fetched>>>();

function inFlightOf(ctx: Ctx): Map<string, Promise<Fetched>> {
  let pending = inFlight.get(ctx);
  if (!pending) inFlight.set(ctx, (pending = new Map()));
  return pending;
}

/**
 * A thread's lookup for the sidebar: the answers, and the open commitments of the clients among
 * `prefetch` that are cached by then (a thread's lookup brings them along), so the sidebar can
 * show the client with its promises after one question instead of two. Clients whose commitments
 * are not cached are left out: the sidebar asks for those itself, without holding up the answers.
 */
export async function lookupThread(ctx: Ctx, emails: readonly string[], prefetch: readonly string[] = []): Promise<ThreadLookup> {
  const { items, brought } = await lookupAll(ctx, emails, prefetch);
  const wanted = new Set(prefetch.map((e) => e.trim().toLowerCase()));
  const ids = accountIdsOf(items.filter((m) => wanted.has(m.email))).slice(0, PREFETCH_MAX);
  const openCommitments: ThreadLookup['openCommitments'] = {};
  // Those that came with the answers are passed on as they are, without waiting for the cache.
  const rest = ids.filter((id) => {
    const open = brought.get(id);
    if (open) openCommitments[id] = open;
    return !open;
  });
  if (rest.length === 0) return { items, openCommitments };
  const tx = ctx.db.transaction('commitments');
  const cached = await Promise.all(rest.map((id) => tx.store.get(`${id}|open`)));
  await tx.done;
  for (const [i, id] of rest.entries()) {
    if (cached[i]) openCommitments[id] = await getCommitments(ctx, id, 'open');
  }
  return { items, openCommitments };
}

function accountIdsOf(matches: readonly LookupItem[]): string[] {
  return [...new Set(matches.flatMap((m) => (m.match === 'contact' || m.match === 'account-domain' ? [m.account.id] : [])))];
}

/**
 * Asks the CRM about addresses (in batches of LOOKUP_MAX) and caches every answer, unknown ones
 * too. With `include`, what the CRM sends along is cached as well (open commitments, as
 * `getCommitments` stores them), before `answered` sees the answers: a read that starts then
 * finds it. `answered` sees the answers before they are stored.
 */
export async function fetchLookups(
  ctx: Ctx,
  emails: readonly string[],
  answered?: (matches: LookupMatch[]) => void,
  include: readonly LookupInclude[] = [],
): Promise<LookupMatch[]> {
  return (await fetchAnswers(ctx, emails, answered, include)).map((f) => f.match);
}

/** `fetchLookups`, each answer with its account's open commitments when they came along. */
async function fetchAnswers(
  ctx: Ctx,
  emails: readonly string[],
  answered?: (matches: LookupMatch[]) => void,
  include: readonly LookupInclude[] = [],
): Promise<Fetched[]> {
  const client = await ctx.client();
  const results: LookupMatch[] = [];
  const open: Record<string, Commitment[]> = {};
  for (let i = 0; i < emails.length; i += LOOKUP_MAX) {
    const batch = emails.slice(i, i + LOOKUP_MAX);
    const answer = await client('lookup', { body: include.length > 0 ? { emails: batch, include: [...include] } : { emails: batch } });
    const byEmail = new Map(answer.results.map((r) => [r.email, r]));
    const missing = batch.find((email) => !byEmail.has(email));
    if (missing) {
      throw new ProblemError({ kind: 'bad-format', path: 'results', detail: `no answer for ${missing}` });
    }
    results.push(...batch.map((email) => byEmail.get(email) as LookupMatch));
    for (const { accountId, items } of answer.openCommitments ?? []) open[accountId] = items;
  }
  const fetchedAt = ctx.now();
  storeOpenCommitments(ctx, results, open, fetchedAt);
  answered?.(results);
  const tx = ctx.db.transaction('lookups', 'readwrite');
  const stored = Promise.all([...results.map((match) => tx.store.put(entryOf(match, fetchedAt))), tx.done]);
  noteStored(ctx, results.map((match) => match.email));
  // Not waited for: a read of these addresses starts after this transaction and so sees its
  // writes (IndexedDB runs transactions on the same store in the order they were created).
  ctx.background(stored);
  return results.map((match) => {
    const items = match.match === 'unknown' ? undefined : open[match.account.id];
    return items ? { match, open: { value: { items }, fetchedAt, stale: false } } : { match };
  });
}

/**
 * Stores the open commitments a lookup sent along, for the accounts its answers name, as
 * `getCommitments(…, 'open')` would after asking for them. The transaction is opened now, so
 * any read that starts later sees it; its completion is not waited for.
 */
function storeOpenCommitments(ctx: Ctx, matches: readonly LookupMatch[], open: Record<string, Commitment[]>, fetchedAt: number): void {
  const named = new Set(matches.flatMap((m) => (m.match === 'unknown' ? [] : [m.account.id])));
  const lists = Object.entries(open).filter(([accountId]) => named.has(accountId));
  if (lists.length === 0) return;
  const tx = ctx.db.transaction('commitments', 'readwrite');
  ctx.background(Promise.all([
    ...lists.map(([accountId, items]) => tx.store.put({ key: `${accountId}|open`, accountId, list: { items }, fetchedAt })),
    tx.done,
  ]));
}

/** At most this many accounts are read ahead for one lookup. */
const PREFETCH_MAX = 3;

/**
 * Reads ahead what the sidebar shows first for these clients' accounts: the open commitments and
 * the account. (The history is asked for by the sidebar once it painted those; read ahead, it
 * would keep the worker busy while the sidebar's first questions arrive.) Each read goes through
 * the same cache as the sidebar's own, so the sidebar finds the answer stored, or joins the
 * request still on its way; fresh cached answers cost no request. Failures are left to the
 * sidebar's own reads to report.
 */
export function prefetchAccounts(ctx: Ctx, matches: readonly LookupItem[]): void {
  for (const id of accountIdsOf(matches).slice(0, PREFETCH_MAX)) {
    // One after the other: an embedded CRM answers one query at a time, and the promises come first.
    ctx.background(getCommitments(ctx, id, 'open').finally(() => getAccount(ctx, id)));
  }
}

function entryOf(match: LookupMatch, fetchedAt: number): LookupEntry {
  return match.match === 'unknown'
    ? { email: match.email, match, fetchedAt }
    : { email: match.email, match, accountId: match.account.id, fetchedAt };
}
