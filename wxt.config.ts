import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { selectorTablesWithoutTestData } from './build/selector-tables-without-test-data';
import { zodWithoutJsonSchema } from './build/zod-without-json-schema';
import { LOOPBACK_HOSTS } from './lib/config/loopback';
import { MAIL_MATCHES } from './lib/mail/sites';

/**
 * The CRM origins that may be asked for; only the one the user saves is requested, at save time.
 * Any https origin; plain http only on this computer, the hosts the options page accepts it for
 * (a match pattern without a port matches every port).
 */
const CRM_ORIGINS = ['https://*/*', ...LOOPBACK_HOSTS.map((host) => `http://${host}/*`)];

export default defineConfig({
  // Where builds go; EXTENSION_OUT_DIR lets two builds of one checkout run side by side.
  outDir: process.env.EXTENSION_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), zodWithoutJsonSchema(), selectorTablesWithoutTestData()],
    build: {
      // Every module of an extension page comes from the extension's own package, read from disk
      // at once: preloading a dynamic import's modules saves nothing, while the modulepreload
      // polyfill and the preload lists cost the sidebar's first load about 0.75 KB gzip. (A
      // dynamic import whose module brings CSS still loads that CSS through Vite's helper.)
      modulePreload: false,
    },
  }),
  webExt: { disabled: true },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // MV2 (Firefox) has no optional_host_permissions: origins go with the optional permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: CRM_ORIGINS } : { optional_permissions: CRM_ORIGINS }),
    // Only the sidebar page may be framed, and only by the mail sites; what it loads comes from
    // its own, the extension's, origin. In Chrome only at a URL whose id changes every session
    // (runtime.getURL gives it), so a page cannot probe chrome-extension://<id>/sidebar.html to
    // learn the extension is installed. Firefox (MV2) has no such key: its moz-extension:// id is
    // already made anew for every installation.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...MAIL_MATCHES], ...(manifestVersion === 3 ? { use_dynamic_url: true } : {}) }],
    // A suggestion only: the user can change or clear it at chrome://extensions/shortcuts.
    commands: {
      'focus-note': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_command_focus_note__' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'inbox-client-context@self-hosted',
          // Addresses of correspondents and the notes a user writes go to the CRM the user configured.
          data_collection_permissions: { required: ['personallyIdentifyingInfo', 'personalCommunications'] },
        },
      },
    }),
  }),
});
