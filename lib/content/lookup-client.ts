import type { Participant } from '../mail/types';
import type { LookupItem } from '../messaging/protocol';
import { isExternal } from './badge-model';
import { LOOKUP_BATCH_MAX } from './row-marks';

/**
 * Asks the background about addresses (the `lookup` message); `prefetch` names those the sidebar
 * is about to show, whose accounts the background reads ahead.
 */
export type AskLookup = (emails: string[], prefetch?: string[]) => Promise<LookupItem[]>;

export interface LookupClientOptions {
  /** Answers older than this are asked again (the background answers from its cache); kept meanwhile. */
  maxAgeMs?: number;
  /** After a failed ask, its addresses wait this long before being asked again (no retry storm on re-renders). */
  retryAfterMs?: number;
  now?: () => number;
}

/**
 * The page's memory of lookup answers. `answer` is synchronous, so a re-rendered list gets its
 * badges back in the same frame; `ensure` asks once for every address that is neither answered,
 * nor being asked, nor waiting after a failure, and calls made in the same task share one message.
 */
export function createLookupClient(ask: AskLookup, opts: LookupClientOptions = {}) {
  const maxAge = opts.maxAgeMs ?? 5 * 60_000;
  const retryAfter = opts.retryAfterMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const answers = new Map<string, { item: LookupItem; at: number }>();
  const failedAt = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();
  let queued: string[] = [];
  let batch: Promise<void> | null = null;
  /** Addresses asked for a thread, whose accounts the background should read ahead. */
  const readAhead = new Set<string>();
  /** When each client's account was last read ahead. */
  const readAheadAt = new Map<string, number>();

  const due = (email: string, thread: boolean) => {
    if (inFlight.has(email) || queued.includes(email)) return false;
    const failed = failedAt.get(email);
    if (failed !== undefined && now() - failed < retryAfter) return false;
    const known = answers.get(email);
    if (!known || now() - known.at > maxAge) return true;
    // A client first seen in the list: asked again (from the background's cache) to read ahead.
    const client = known.item.match === 'contact' || known.item.match === 'account-domain';
    const lastRead = readAheadAt.get(email);
    return thread && client && (lastRead === undefined || now() - lastRead > maxAge);
  };

  async function send(emails: string[]): Promise<void> {
    const prefetch = emails.filter((e) => readAhead.delete(e));
    for (const email of prefetch) readAheadAt.set(email, now());
    try {
      const items = await (prefetch.length > 0 ? ask(emails, prefetch) : ask(emails));
      const at = now();
      for (const item of items) {
        // An address the CRM could not be asked about is not an answer; it waits like a failure.
        if (item.match === 'unavailable') failedAt.set(item.email, at);
        else {
          answers.set(item.email, { item, at });
          failedAt.delete(item.email);
        }
      }
    } catch {
      const at = now();
      for (const email of emails) failedAt.set(email, at);
    } finally {
      for (const email of emails) inFlight.delete(email);
    }
  }

  return {
    /** The answer for an address, if one was ever received. */
    answer(email: string): LookupItem | undefined {
      return answers.get(email)?.item;
    },
    /** Whether the last attempt to ask about this address failed and no answer is held. */
    failed(email: string): boolean {
      return !answers.has(email) && failedAt.has(email);
    },
    /**
     * The people outside the company: those the background looked up (colleagues and never-look-up
     * addresses come back `excluded`), and, while the CRM can't be asked, everyone the reader kept,
     * so the sidebar can say what is wrong.
     */
    external(people: readonly Participant[]): Participant[] {
      return people.filter((p) => {
        const item = answers.get(p.email)?.item;
        return item ? isExternal(item) : !answers.has(p.email) && failedAt.has(p.email);
      });
    },
    /**
     * The people not known to be inside the company: `external`, plus those whose answer has not
     * come yet. For handing a thread over before its answers are in.
     */
    provisional(people: readonly Participant[]): Participant[] {
      return people.filter((p) => {
        const item = answers.get(p.email)?.item;
        return item ? isExternal(item) : true;
      });
    },
    /** Whether every one of `emails` has an answer or failed to get one. */
    settled(emails: readonly string[]): boolean {
      return emails.every((e) => answers.has(e) || failedAt.has(e));
    },
    /**
     * Asks about these addresses again (their accounts changed); the answers held are shown
     * meanwhile. Resolves when the new answers are in. Never rejects.
     */
    recheck(emails: readonly string[]): Promise<void> {
      const held = emails.filter((e) => answers.has(e) || failedAt.has(e));
      for (const email of held) {
        const known = answers.get(email);
        if (known) answers.set(email, { ...known, at: -Infinity });
        failedAt.delete(email);
      }
      return this.ensure(held);
    },
    /** Whether an answer is held or on its way, so a caller need not ask. */
    known(email: string): boolean {
      return answers.has(email) || inFlight.has(email) || queued.includes(email);
    },
    /**
     * Resolves once every given address that needed asking has been answered (or failed). Never
     * rejects. `thread`: these are the open thread's people, about to be shown in the sidebar.
     */
    ensure(emails: readonly string[], opts: { thread?: boolean } = {}): Promise<void> {
      // Addresses an earlier call of this task queued are not sent yet: wait for that batch too.
      const alreadyQueued = batch !== null && emails.some((e) => queued.includes(e));
      const fresh = [...new Set(emails)].filter((e) => due(e, opts.thread === true));
      if (opts.thread) for (const email of fresh) readAhead.add(email);
      const waits = emails.map((e) => inFlight.get(e)).filter((p): p is Promise<void> => p !== undefined);
      if (alreadyQueued && batch) waits.push(batch);
      if (fresh.length > 0) {
        queued.push(...fresh);
        batch ??= Promise.resolve().then(() => {
          const emailsNow = queued;
          queued = [];
          batch = null;
          const sends: Promise<void>[] = [];
          for (let i = 0; i < emailsNow.length; i += LOOKUP_BATCH_MAX) {
            const chunk = emailsNow.slice(i, i + LOOKUP_BATCH_MAX);
            const sent = send(chunk);
            for (const email of chunk) inFlight.set(email, sent);
            sends.push(sent);
          }
          return Promise.all(sends).then(() => undefined);
        });
        waits.push(batch);
      }
      return Promise.all(waits).then(() => undefined);
    },
  };
}

export type LookupClient = ReturnType<typeof createLookupClient>;
