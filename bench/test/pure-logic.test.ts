import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../cdp/trace';
import { busyBetween } from '../crm/server-time';
import { stepCosts } from '../measure/observer-trace';
import { origin } from '../profile/bundle-sources';
import { decodeMappings, segmentAt } from '../profile/source-map';
import { percentile, spread } from '../report/stats';

describe('percentile (nearest rank)', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 95, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
  ])('%j p%i = %i', (samples, p, expected) => expect(percentile(samples, p)).toBe(expected));
  it('is NaN without samples', () => expect(percentile([], 50)).toBeNaN());
  it('spreads', () => expect(spread([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, max: 3 }));
});

describe('source maps', () => {
  // "AAAA,CAAC;AACA": line 0 col 0 → src 0 0:0, col 1 → 0:1; line 1 col 0 → 1:1.
  const segments = decodeMappings({ sources: ['a.ts'], mappings: 'AAAA,CAAC;AACA' });
  it('decodes relative VLQ fields', () => {
    expect(segments.map((s) => [s.line, s.column, s.source, s.sourceLine, s.sourceColumn])).toEqual([[0, 0, 0, 0, 0], [0, 1, 0, 0, 1], [1, 0, 0, 1, 1]]);
  });
  it('finds the segment covering a position', () => {
    expect(segmentAt(segments, 0, 5)?.sourceColumn).toBe(1);
    expect(segmentAt(segments, 1, 0)?.sourceLine).toBe(1);
  });
  it.each([
    ['../../node_modules/zod/v4/core/schemas.js', 'zod'],
    ['../../node_modules/@wxt-dev/storage/dist/index.mjs', '@wxt-dev/storage'],
    ['../../lib/mail/gmail/watch.ts', 'lib/mail/gmail/watch.ts'],
  ])('names the origin of %s', (source, expected) => expect(origin(source)).toBe(expected));
});

describe('observer cost per batch', () => {
  const url = 'chrome-extension://x/content-scripts/gmail.js';
  const mark = (name: string, ts: number): TraceEvent => ({ name, cat: 'blink.user_timing', ph: 'I', ts, pid: 1, tid: 1 });
  const call = (ts: number, dur: number, script = url): TraceEvent => ({ name: 'FunctionCall', cat: 'devtools.timeline', ph: 'X', ts, dur, pid: 1, tid: 1, args: { data: { url: script } } });
  it('sums top-level calls of the script between marks, nested calls once', () => {
    const costs = stepCosts([mark('bench:rows:0', 0), call(10, 1000), call(20, 500), call(2000, 200, ''), mark('bench:rows:1', 5000), mark('bench:end', 9000)], url);
    expect(costs).toEqual([
      { phase: 'rows', step: 0, ms: 1, cpuMs: 1, calls: 1 },
      { phase: 'rows', step: 1, ms: 0, cpuMs: 0, calls: 0 },
    ]);
  });
});

describe('server time between readings', () => {
  it('divides what each route spent and skips the counts', () => {
    expect(busyBetween({ 'POST /v1/lookup': 10, 'POST /v1/lookup #': 1 }, { 'POST /v1/lookup': 40, 'POST /v1/lookup #': 3, 'GET /v1/me': 0 }, 2)).toEqual({ 'POST /v1/lookup': 15 });
  });
});
