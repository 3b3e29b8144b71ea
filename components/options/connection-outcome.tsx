import type { Me } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { Problem } from '../../lib/messaging/problem';
import { ProblemView } from '../common/problem-view';

export type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'connected'; me: Me }
  | { kind: 'saved' }
  | { kind: 'permission-denied'; origin: string }
  | { kind: 'problem'; problem: Problem };

/** What the last Test or Save did, announced politely; problems are alerts of their own. */
export function ConnectionOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <div data-testid="connection-status">
      <p class={outcome.kind === 'connected' || outcome.kind === 'saved' ? 'outcome good' : 'outcome'} role="status" aria-live="polite">
        {outcome.kind === 'busy' && outcome.text}
        {outcome.kind === 'connected' && t('options_test_ok', outcome.me.user.name, outcome.me.user.email, outcome.me.team.name)}
        {outcome.kind === 'saved' && t('options_saved')}
        {outcome.kind === 'permission-denied' && t('options_permission_denied', outcome.origin)}
      </p>
      {outcome.kind === 'problem' && <ProblemView problem={outcome.problem} linkToSettings={false} />}
    </div>
  );
}
