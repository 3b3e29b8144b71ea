import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress, normaliseAddress } from './client-address';
import type { AppEnv } from './env';
import { HttpError } from './errors';
import { LruMap } from './lru-map';
import { fullBucket, refund, take, type Bucket, type Rate } from './token-bucket';
import { enter, laneBusy, leave, newLane, type InFlightLimit, type Lane } from './token-queue';

/** What the limiter allows; each part is off when null. Limits are per server process. */
export interface RateLimits {
  /** Requests per token: a bucket of `burst`, refilled at `perMinute`. */
  token: Rate | null;
  /**
   * Requests of one token running at once; more wait in that token's own queue. This is what keeps
   * the embedded database fair: it runs one statement at a time, in the order they come, so without
   * it one client's 64 requests in flight would queue everyone else's behind all of them (see
   * `enter` in token-queue.ts for how a turn is taken).
   */
  inFlight: InFlightLimit | null;
  /**
   * Requests per client address that carry no token known to be valid: none, one never seen to
   * work, one that stopped working. A token that has worked is limited as a token only, so failed
   * attempts never lock out the working tokens behind the same address (on the default
   * loopback-only server, everyone is 127.0.0.1).
   */
  address: Rate | null;
  /** Socket addresses of reverse proxies whose X-Forwarded-For names the client. */
  trustedProxies: readonly string[];
  /** The clock, in ms (tests move it). */
  now?: () => number;
  /** Tokens and addresses remembered, each; the least recently seen are forgotten first. */
  maxKeys?: number;
}

/**
 * Defaults (`server/main.ts`; see `readConfig`). One person's extension asks little: a lookup per
 * inbox page (one request for up to 100 senders), two or three reads when a thread opens, a
 * `/v1/changes` page or a few every sync, and after time offline an outbox flush that sends its
 * writes one after another, dozens of them in a few seconds. 600 a minute (10 a second, kept up)
 * is ten times what fast clicking makes; a burst of 120 takes a whole flush plus the reads around
 * it without a 429. Four at once is more than the extension has in flight but for a moment, and
 * a fifth only waits (in its own queue, ten seconds at most), it is not refused. 60 a minute per
 * address without a working token covers a person trying tokens in the options page, health
 * checks and the root page many times over, while a flood of guesses costs the database a
 * query a second.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  token: { perMinute: 600, burst: 120 },
  inFlight: { running: 4, queued: 128, maxWaitMs: 10_000 },
  address: { perMinute: 60, burst: 60 },
  trustedProxies: [],
};

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

/** The queue a token not yet seen to work waits in when no in-flight limit is set. */
const PROBE_QUEUE = { queued: 128, maxWaitMs: 10_000 };

interface TokenState {
  /** Seen to name an active user (and not since refused). */
  works: boolean;
  bucket: Bucket;
  lane: Lane;
}

const tooMany = (c: Context<AppEnv>, waitMs: number, why: string): Response => {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const err = new HttpError(429, 'rate_limited', `${why}; retry in ${seconds} s`);
  return c.json(err.toBody(), 429, { 'Retry-After': String(seconds) });
};

/**
 * The limiter. It keys tokens by the header's text, so the routes that resolve the token in their
 * own statement (lookup, timeline) cost no extra query; what a token turned out to be comes back
 * from the route (`verified`, or a 401). Tokens not yet seen to work are kept apart from those
 * that have, so random ones cannot push real ones out of memory, and run one request at a time:
 * that one is charged to the address, and once it has worked the rest follow as a working
 * token's. So a new token's burst costs its address one attempt, not the whole burst (everyone
 * on a loopback-only server shares 127.0.0.1), while a flood of guesses with one token still
 * pays for each.
 */
export function rateLimit(limits: RateLimits): MiddlewareHandler<AppEnv> {
  const now = limits.now ?? (() => performance.now());
  const maxKeys = limits.maxKeys ?? 10_000;
  const busy = (s: TokenState) => laneBusy(s.lane);
  const working = new LruMap<TokenState>(maxKeys, busy);
  const unproven = new LruMap<TokenState>(maxKeys, busy);
  const addresses = new LruMap<Bucket>(maxKeys);
  const trusted = new Set(limits.trustedProxies.map(normaliseAddress));
  const address = limits.address;
  const probe: InFlightLimit | null = address ? { ...(limits.inFlight ?? PROBE_QUEUE), running: 1 } : null;
  const laneLimit = (s: TokenState) => (s.works ? limits.inFlight : (probe ?? limits.inFlight));

  /**
   * 0 when the client's address had one to spare, else the ms until it will. Requests without a
   * token and attempts with one are counted apart: any web page can send the first kind to a
   * loopback server (a plain GET needs no preflight), and must not use up what a real token's
   * first request after a restart needs; the second kind carries Authorization, which a page
   * cannot send without a preflight this server refuses.
   */
  const chargeAddress = (c: Context<AppEnv>, kind: 'anonymous' | 'token', rate: Rate, t: number): { bucket: Bucket; wait: number } => {
    const key = `${kind} ${clientAddress(c, trusted)}`;
    let bucket = addresses.get(key);
    if (!bucket) addresses.set(key, (bucket = fullBucket(rate, t)));
    return { bucket, wait: take(bucket, rate, t) };
  };
  const noAddress = 'too many requests without a valid token from this address';

  return async (c, next) => {
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (token === undefined) {
      if (address) {
        const { wait } = chargeAddress(c, 'anonymous', address, now());
        if (wait > 0) return tooMany(c, wait, noAddress);
      }
      return next();
    }

    let state = working.get(token) ?? unproven.get(token);
    if (!state) {
      state = { works: false, bucket: fullBucket(limits.token ?? { perMinute: 0, burst: 0 }, now()), lane: newLane() };
      unproven.set(token, state);
    }
    if (limits.token) {
      const wait = take(state.bucket, limits.token, now());
      if (wait > 0) return tooMany(c, wait, 'too many requests with this token');
    }
    const lane = laneLimit(state);
    if (lane) {
      if (!(await enter(state.lane, lane))) return tooMany(c, 1000, 'too many requests with this token at once');
    }
    try {
      // Charged once it is this request's turn: by then its token may have been seen to work.
      let charged: Bucket | undefined;
      if (!state.works && address) {
        const { bucket, wait } = chargeAddress(c, 'token', address, now());
        if (wait > 0) return tooMany(c, wait, noAddress);
        charged = bucket;
      }
      await next();
      if (c.get('verified')) {
        if (!state.works) {
          state.works = true;
          unproven.delete(token);
          working.set(token, state);
          if (charged && address) refund(charged, address);
        }
      } else if (state.works && c.res.status === 401) {
        // Revoked, or its user deactivated: from now on it counts against its address again.
        state.works = false;
        working.delete(token);
        unproven.set(token, state);
      }
    } finally {
      const after = laneLimit(state);
      if (lane) leave(state.lane, after?.running ?? Infinity);
    }
  };
}
