import { describe, expect, it } from 'vitest';
import { LADDER, stageName, stageStep } from '../../../lib/sidebar/stages';

describe('stages', () => {
  it.each([
    ['prospect', 1, 'Prospect'],
    ['promoter', 6, 'Promoter'],
    ['lost', null, 'Lost client'],
  ] as const)('%s is step %s', (stage, step, name) => {
    expect(stageStep(stage)).toBe(step);
    expect(stageName(stage)).toBe(name);
  });

  it('has six rungs', () => expect(LADDER).toHaveLength(6));
});
