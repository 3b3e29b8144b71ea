import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** The mail sites whose pages may show the sidebar in an iframe. */
const MAIL_SITES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

export default defineConfig({
  vite: () => ({
    plugins: [preact()],
  }),
  webExt: { disabled: true },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // The CRM's origin is asked for when the user saves it in the options page; nothing broader.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Only the sidebar page and what it loads may be framed, and only by the mail sites.
    web_accessible_resources: [
      { resources: ['sidebar.html', 'chunks/*', 'assets/*'], matches: MAIL_SITES },
    ],
  },
});
