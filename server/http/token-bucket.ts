/** A rate: `burst` requests at once, refilled at `perMinute`. */
export interface Rate {
  perMinute: number;
  burst: number;
}

/** A token bucket, refilled lazily when it is next used (no timers). */
export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms of the limiter's clock. */
  at: number;
}

export const fullBucket = (rate: Rate, now: number): Bucket => ({ tokens: rate.burst, at: now });

/** Takes one request's worth; 0 when it was there, else how many ms until there will be one. */
export function take(bucket: Bucket, rate: Rate, now: number): number {
  const perMs = rate.perMinute / 60_000;
  bucket.tokens = Math.min(rate.burst, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil((1 - bucket.tokens) / perMs);
}

/** Gives back what `take` took (the request turned out not to count). */
export function refund(bucket: Bucket, rate: Rate): void {
  bucket.tokens = Math.min(rate.burst, bucket.tokens + 1);
}
