import { describe, expect, it } from 'vitest';
import gmailContent from '../../../entrypoints/gmail.content';
import outlookContent from '../../../entrypoints/outlook.content';
import { parseGmailUrl } from '../../../lib/mail/gmail/routes';
import { parseOutlookUrl } from '../../../lib/mail/outlook/routes';
import { MAIL_HOSTS, MAIL_MATCHES, MAIL_ORIGINS, matchesOf } from '../../../lib/mail/sites';
import { MAIL_ORIGINS as FRAME_ORIGINS } from '../../../lib/sidebar/frame-link';
import config from '../../../wxt.config';

/**
 * `lib/mail/sites.ts` is the one list of mail hosts: a new host is one line there, and the
 * manifest, the content scripts, the sidebar's accepted origins and the routes follow it.
 */
type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3 }) => Record<string, unknown>;
const manifest = (browser: string, manifestVersion: 2 | 3) => (config.manifest as ManifestFn)({ browser, manifestVersion });
const hosts = Object.values(MAIL_HOSTS).flat();

describe('the mail sites and their hosts', () => {
  it('derives match patterns and origins from the hosts, https only', () => {
    expect(MAIL_MATCHES).toEqual(hosts.map((host) => `https://${host}/*`));
    expect(MAIL_ORIGINS).toEqual(hosts.map((host) => `https://${host}`));
  });

  it.each([['chrome', 3], ['firefox', 2]] as const)('lets only the mail sites frame the sidebar (%s)', (browser, version) => {
    const war = manifest(browser, version).web_accessible_resources as { matches: string[] }[];
    expect(war.map((entry) => entry.matches)).toEqual([[...MAIL_MATCHES]]);
  });

  it('runs each content script on its own site\'s hosts', () => {
    expect(gmailContent.matches).toEqual(matchesOf(MAIL_HOSTS.gmail));
    expect(outlookContent.matches).toEqual(matchesOf(MAIL_HOSTS.outlook));
    expect([matchesOf(MAIL_HOSTS.gmail), matchesOf(MAIL_HOSTS.outlook)].flat()).toEqual(MAIL_MATCHES);
  });

  it('accepts the sidebar\'s channel from the mail sites\' origins', () => {
    expect(FRAME_ORIGINS).toEqual(MAIL_ORIGINS);
  });

  it.each(MAIL_HOSTS.outlook)('routes Outlook on %s, and nothing of it as Gmail', (host) => {
    expect(parseOutlookUrl(`https://${host}/mail/inbox`)).toMatchObject({ kind: 'list' });
    expect(parseGmailUrl(`https://${host}/mail/u/0/#inbox`)).toBeNull();
  });

  it.each(MAIL_HOSTS.gmail)('routes Gmail on %s, and nothing of it as Outlook', (host) => {
    expect(parseGmailUrl(`https://${host}/mail/u/0/#inbox`)).toMatchObject({ kind: 'list' });
    expect(parseOutlookUrl(`https://${host}/mail/inbox`)).toBeNull();
  });

  it('routes no other host', () => {
    expect(parseOutlookUrl('https://outlook.example.com/mail/inbox')).toBeNull();
    expect(parseGmailUrl('https://mail.example.com/mail/u/0/#inbox')).toBeNull();
  });
});
