import { describe, expect, it } from 'vitest';
import { collapsePreference } from '../../../lib/content/collapse-preference';

describe('collapsePreference', () => {
  it('is unfolded until the user folds it, and remembers the choice', async () => {
    expect(await collapsePreference.get()).toBe(false);
    await collapsePreference.set(true);
    expect(await collapsePreference.get()).toBe(true);
    await collapsePreference.set(false);
    expect(await collapsePreference.get()).toBe(false);
  });
});
