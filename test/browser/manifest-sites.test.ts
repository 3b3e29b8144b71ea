import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIL_HOSTS, MAIL_MATCHES, matchesOf } from '../../lib/mail/sites';
import { BUILT_EXTENSION } from './support/launch-extension';

/** The built manifest takes its mail hosts from lib/mail/sites.ts alone. */
describe('the built manifest', () => {
  it('frames the sidebar and runs each content script on the hosts lib/mail/sites.ts lists', async () => {
    const manifest = JSON.parse(await readFile(join(BUILT_EXTENSION, 'manifest.json'), 'utf8')) as {
      web_accessible_resources: { matches: string[] }[];
      content_scripts: { matches: string[]; js: string[] }[];
    };
    expect(manifest.web_accessible_resources.map((entry) => entry.matches)).toEqual([[...MAIL_MATCHES]]);
    const scripts = Object.fromEntries(manifest.content_scripts.map((script) => [script.js.join(), [...script.matches].sort()]));
    expect(scripts).toEqual({
      'content-scripts/gmail.js': matchesOf(MAIL_HOSTS.gmail).sort(),
      'content-scripts/outlook.js': matchesOf(MAIL_HOSTS.outlook).sort(),
    });
  });
});
