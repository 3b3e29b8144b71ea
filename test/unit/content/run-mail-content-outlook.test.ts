import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../../lib/api';
import { runMailContent } from '../../../lib/content/run-mail-content';
import { outlookSite } from '../../../lib/mail/outlook/adapter';
import { OUTLOOK_FIXTURES as F } from '../../../lib/mail/outlook/fixtures';
import { decodeSidebarContext } from '../../../lib/messaging/sidebar-context';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { CONTACT_ID, summary } from '../../support/crm-fixtures';
import { fixtureHtml } from '../mail/outlook/fixture-page';
import { CONV, P } from '../mail/outlook/people.fixture';

type Level = 'ok' | 'watch' | 'at-risk';

/** The CRM as the page sees it: a level per client address, colleagues excluded, the rest unknown. */
function crm(levels: Record<string, Level>, fail = false) {
  const asked: string[][] = [];
  const lookup = async (emails: string[]): Promise<LookupItem[]> => {
    asked.push(emails);
    // A message to the background answers in a later task, never within the same one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (fail) throw new Error('the CRM is unreachable');
    return emails.map((email): LookupItem => {
      if (email.endsWith('@ourcompany.example')) return { match: 'excluded', email, reason: 'colleague' };
      const level = levels[email];
      if (!level) return { match: 'unknown', email };
      const reasons: AccountSummary['risk']['reasons'] = level === 'ok' ? [] : [{ code: 'silence', days: 45, expectedDays: 14, basis: 'cadence' }];
      const account = summary({ id: `acc-${email}`, name: `Account of ${email}`, risk: { level, reasons } });
      return { match: 'contact', email, contact: { id: CONTACT_ID, name: email, role: null }, account };
    });
  };
  return { asked, lookup };
}

let win: Window | null = null;
let controller: AbortController | null = null;
afterEach(async () => { controller?.abort(); await win?.happyDOM.close(); win = controller = null; });

function start(fixture: string, url: string, api: ReturnType<typeof crm>) {
  win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  win.document.write(fixtureHtml(fixture));
  const doc = win.document as unknown as Document;
  controller = new AbortController();
  const reportLayout = vi.fn(async (_failed: string[]) => null);
  runMailContent(outlookSite, {
    doc, signal: controller.signal, sidebarUrl: 'chrome-extension://abcdefghijklmnop/sidebar.html', lookup: api.lookup, reportLayout,
    collapsed: { get: async () => false, set: async () => undefined }, warn: () => undefined, subscribeLocation: () => () => undefined,
  });
  const frame = () => doc.querySelector('iframe[data-crm-overlay="sidebar"]');
  const context = () => decodeSidebarContext(new URL(frame()?.getAttribute('src') ?? 'x:').hash);
  const badges = () => Array.from(doc.querySelectorAll('[data-crm-overlay="badge"]')).map((b) => `${b.getAttribute('data-email')} ${b.getAttribute('data-risk')}`);
  const banner = () => doc.querySelector('[data-crm-overlay="banner"]')?.getAttribute('data-risk') ?? null;
  return { doc, frame, context, badges, banner, reportLayout };
}

const RIGHT = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV.dewi)}`;

describe('runMailContent on the Outlook fixture pages', () => {
  it('shows the sidebar, the banner and the badges once the answers are in, with one lookup for the page', async () => {
    const api = crm({ [P.dewi.email]: 'at-risk', [P.sergei.email]: 'watch', [P.budi.email]: 'ok' });
    const page = start(F.paneRight, RIGHT, api);
    await vi.waitFor(() => expect(page.badges()).toHaveLength(3), { timeout: 5_000 });
    expect(page.badges()).toEqual([`${P.dewi.email} at-risk`, `${P.sergei.email} watch`, `${P.dewi.email} at-risk`]);
    expect(page.context()).toMatchObject({ site: 'outlook', threadId: CONV.dewi, participants: [P.dewi], nameOnly: [] });
    expect(page.banner()).toBe('at-risk');
    // The thread's and the list's addresses went in one message; nothing was asked twice.
    expect(api.asked.flat().filter((e) => e === P.dewi.email)).toHaveLength(1);
    expect(page.reportLayout).toHaveBeenLastCalledWith([]);
  });

  it('re-badges a row Outlook re-uses for another conversation, and leaves the other badges as they are', async () => {
    const api = crm({ [P.dewi.email]: 'at-risk', [P.sergei.email]: 'watch', [P.budi.email]: 'ok' });
    const page = start(F.paneRight, RIGHT, api);
    await vi.waitFor(() => expect(page.badges()).toHaveLength(3), { timeout: 5_000 });
    const before = Array.from(page.doc.querySelectorAll('[data-crm-overlay="badge"]'));
    const row = page.doc.querySelectorAll('[role="option"]')[1]!;
    row.querySelector('span[title*="@"]:not([data-crm-overlay])')!.setAttribute('title', P.budi.email);
    row.setAttribute('data-convid', 'CONV-reused');
    await vi.waitFor(() => expect(page.badges()).toEqual([`${P.dewi.email} at-risk`, `${P.dewi.email} at-risk`]), { timeout: 5_000 });
    const after = Array.from(page.doc.querySelectorAll('[data-crm-overlay="badge"]'));
    expect(after).toEqual([before[0], before[2]]);
  });

  it('shows the sidebar for anyone outside the company, known or not, and nothing once only colleagues are left', async () => {
    const api = crm({});
    const page = start(F.namesOnly, RIGHT.replace(encodeURIComponent(CONV.dewi), encodeURIComponent(CONV.ana)), api);
    // Ana is unknown to this CRM but outside the company: she alone is worth the sidebar.
    await vi.waitFor(() => expect(page.context()?.participants).toEqual([P.ana]), { timeout: 5_000 });
    expect(page.context()?.nameOnly).toEqual([{ name: 'Me Sales' }, { name: 'Mihai Dumitru' }]);
    expect(page.banner()).toBeNull();
    page.doc.querySelector('[id$="_FROM"] [title]')?.setAttribute('title', P.rina.email);
    page.doc.querySelector('[id$="_FROM"] .OZZZK')?.replaceChildren('Rina Wijaya');
    await vi.waitFor(() => expect(page.frame()).toBeNull(), { timeout: 5_000 });
  });

  it('shows the sidebar while the CRM cannot be asked (it says why), but no badges', async () => {
    const api = crm({}, true);
    const page = start(F.paneRight, RIGHT, api);
    await vi.waitFor(() => expect(page.context()?.participants).toEqual([P.dewi]), { timeout: 5_000 });
    expect(page.badges()).toEqual([]);
    expect(page.banner()).toBeNull();
  });

  it('removes everything it put on the page when stopped', async () => {
    const page = start(F.paneRight, RIGHT, crm({ [P.dewi.email]: 'at-risk' }));
    await vi.waitFor(() => expect(page.banner()).toBe('at-risk'), { timeout: 5_000 });
    controller?.abort();
    expect(page.doc.querySelectorAll('[data-crm-overlay]')).toHaveLength(0);
  });
});
