import { useQuery } from '@tanstack/preact-query';
import { t } from '../../lib/i18n';
import { ask } from '../../lib/ui/ask';
import { toProblem } from '../../lib/messaging/problem-error';
import { ProblemView } from '../common/problem-view';
import { SettingsForm } from './settings-form';

/** Loads the saved settings from the background, then shows the form. */
export function OptionsApp() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => ask('getSettings') });
  if (settings.isPending) return <p class="options muted" role="status">{t('options_loading')}</p>;
  if (settings.isError) {
    return (
      <div class="options">
        <ProblemView problem={toProblem(settings.error)} onRetry={() => void settings.refetch()} busy={settings.isFetching} linkToSettings={false} />
      </div>
    );
  }
  return <SettingsForm initial={settings.data} />;
}
