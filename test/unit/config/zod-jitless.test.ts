import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../../lib/config/zod-jitless';

describe('zod-jitless', () => {
  it('turns off the compiled fast path in the settings zod reads', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('parses as before', () => {
    expect(z.object({ a: z.string() }).parse({ a: 'x', b: 1 })).toEqual({ a: 'x' });
  });
});
