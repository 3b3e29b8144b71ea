import type { Stage } from '../api';
import { t, type MessageKey } from '../i18n';

/** The relationship ladder in order; `lost` is off the ladder. */
export const LADDER = ['prospect', 'potential', 'buying', 'repeat', 'loyal', 'promoter'] as const satisfies readonly Stage[];

export function stageName(stage: Stage): string {
  return t(`stage_${stage}` as MessageKey);
}

/** 1-based step on the ladder, or null for `lost`. */
export function stageStep(stage: Stage): number | null {
  const index = (LADDER as readonly Stage[]).indexOf(stage);
  return index < 0 ? null : index + 1;
}
