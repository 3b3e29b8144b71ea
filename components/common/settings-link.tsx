import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

/** Opens the options page in its own tab (the sidebar lives in an iframe, so a plain link won't do). */
export function SettingsLink({ label = t('common_open_settings') }: { label?: string }) {
  return (
    <a
      href={browser.runtime.getURL('/options.html')}
      target="_blank"
      rel="noopener"
      onClick={(event) => {
        event.preventDefault();
        void browser.runtime.openOptionsPage();
      }}
    >
      {label}
    </a>
  );
}
