import type { Stage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { LADDER, stageName, stageStep } from '../../lib/sidebar/stages';

/** The stage's name and where it sits on the relationship ladder, as a step indicator. */
export function StageLadder({ stage }: { stage: Stage }) {
  const step = stageStep(stage);
  const label = step === null ? stageName(stage) : t('sidebar_stage_step', step, LADDER.length, stageName(stage));
  return (
    <div class="stage">
      <p class="line">
        <span class="muted">{t('sidebar_stage_label')}: </span>
        <span data-testid="stage" data-stage={stage}>{stageName(stage)}</span>
        {step !== null && <span class="muted">{` · ${t('sidebar_stage_of', step, LADDER.length)}`}</span>}
      </p>
      <ol class={step === null ? 'ladder lost' : 'ladder'} aria-label={label}>
        {LADDER.map((rung, i) => (
          <li
            key={rung}
            class={step !== null && i < step ? 'reached' : undefined}
            aria-current={i + 1 === step ? 'step' : undefined}
            title={stageName(rung)}
          >
            <span class="visually-hidden">{stageName(rung)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
