import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

type Panel = FunctionComponent<{ onBack?: () => void }>;
let loaded: Panel | null = null;

/** The Today panel, fetched the first time it is shown (its code is not part of the page's first load). */
export function TodayLoader({ onBack }: { onBack?: () => void }) {
  const [Panel, setPanel] = useState<Panel | null>(() => loaded);
  useEffect(() => {
    if (!Panel) void import('./today-panel').then((m) => setPanel(() => (loaded = m.default)));
  }, []);
  return Panel ? <Panel onBack={onBack} /> : <p class="muted" aria-busy="true">{t('today_loading')}</p>;
}
