import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMailContent } from '../../../lib/content/run-mail-content';
import { gmailSite } from '../../../lib/mail/gmail/adapter';
import { onMessage, removeAllListeners } from '../../../lib/messaging/channel';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { contactMatch, summary, unknownMatch } from '../../support/crm-fixtures';
import { asDocument } from '../mail/gmail/dom-types';
import { openFixture } from '../mail/gmail/fixture-dom';

const AT_RISK = 'ana.lestari@bank-sinar.co.id';

const KEY = 'k'.repeat(43);

function harness(fixture: string, gate?: Promise<void>) {
  // The background's answer to the content script's question for the sidebar channel's key.
  onMessage('sidebarKey', () => ({ ok: true, value: KEY }));
  const window = openFixture(fixture);
  const doc = asDocument(window.document);
  const controller = new AbortController();
  const asked: string[][] = [];
  const reports: string[][] = [];
  const warnings: string[] = [];
  runMailContent(gmailSite, {
    doc,
    signal: controller.signal,
    sidebarUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidebar.html',
    lookup: async (emails) => {
      asked.push(emails);
      if (gate) await gate;
      return emails.map((email): LookupItem => {
        if (email.endsWith('@ourcompany.example')) return { match: 'excluded', email, reason: 'colleague' };
        if (email !== AT_RISK) return unknownMatch(email);
        return { ...contactMatch(email), account: summary({ risk: { level: 'at-risk', reasons: [{ code: 'no-owner' }] } }) } as LookupItem;
      });
    },
    reportLayout: async (failed) => reports.push(failed),
    collapsed: { get: async () => false, set: async () => undefined },
    warn: (message) => warnings.push(message),
    subscribeLocation: () => () => undefined,
  });
  const overlays = (kind: string) => doc.querySelectorAll(`[data-crm-overlay="${kind}"]`);
  return { window, doc, controller, asked, reports, warnings, overlays };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
  removeAllListeners();
});

describe('runMailContent on Gmail', () => {
  it('asks once for the list, badges the at-risk row, keeps the badge through a re-render and cleans up on abort', async () => {
    const h = harness('inbox-default-tabs.html');
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    expect(h.overlays('badge')[0]?.getAttribute('data-email')).toBe(AT_RISK);
    expect(h.asked).toHaveLength(1);
    expect(h.asked[0]).not.toContain('me@ourcompany.example');
    expect(h.reports).toEqual([[]]);

    const body = h.doc.querySelector('[gh="tl"] tbody');
    const fresh = [...(body?.children ?? [])].map((row) => row.cloneNode(true) as Element);
    fresh.forEach((row) => row.querySelectorAll('[data-crm-overlay]').forEach((el) => el.remove()));
    body?.replaceChildren(...fresh);
    expect(h.overlays('badge')).toHaveLength(0);
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    expect(h.asked).toHaveLength(1);

    h.controller.abort();
    expect(h.overlays('badge')).toHaveLength(0);
  });

  it('leaves the badges alone while a date cell changes, without even scheduling a read', async () => {
    const h = harness('inbox-default-tabs.html');
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    const badge = h.overlays('badge')[0];
    const frames = vi.spyOn(h.window, 'requestAnimationFrame');
    for (const cell of h.doc.querySelectorAll('tr.zA td.xW')) cell.replaceChildren(Object.assign(h.doc.createElement('span'), { textContent: '3:00 PM' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(frames).not.toHaveBeenCalled();
    expect(h.overlays('badge')[0]).toBe(badge);
  });

  it('re-badges a row whose sender changes, and leaves the other badges as they are', async () => {
    const h = harness('inbox-default-tabs.html');
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    const first = h.overlays('badge')[0];
    const rows = [...h.doc.querySelectorAll('tr.zA')];
    // Another row now shows the at-risk person: its badge comes from memory, without a lookup.
    rows[2]!.querySelector('[email]')!.setAttribute('email', AT_RISK);
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(2));
    expect(h.overlays('badge')[0]).toBe(first);
    expect(h.overlays('badge')[1]?.nextElementSibling?.getAttribute('email')).toBe(AT_RISK);
    // The first row's sender is someone else now: its badge goes.
    rows[0]!.querySelector('[email]')!.setAttribute('email', 'someone@elsewhere.example');
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    expect(rows[0]!.querySelector('[data-crm-overlay]')).toBeNull();
    expect(h.asked.flat()).toContain('someone@elsewhere.example');
  });

  it('keeps a working badge, with its icon and label, in a copy the page makes of a row', async () => {
    const h = harness('inbox-default-tabs.html');
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('badge')).toHaveLength(1));
    const body = h.doc.querySelector('[gh="tl"] tbody')!;
    body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true)));
    await vi.waitFor(() => expect(h.overlays('badge')[0]?.shadowRoot?.querySelector('svg')).toBeTruthy());
    expect(h.overlays('badge')).toHaveLength(1);
    const badge = h.overlays('badge')[0]!;
    expect(badge.getAttribute('data-email')).toBe(AT_RISK);
    expect(badge.getAttribute('data-risk')).toBe('at-risk');
    expect(badge.getAttribute('aria-label')).toContain('Bank Sinar');
  });

  it('hands a new thread to a shown sidebar before its answers, then again without the people they show to be colleagues', async () => {
    let release = () => {};
    let gated = false;
    const gate = new Promise<void>((done) => (release = done));
    const h = harness('thread-five-messages.html', { then: (ok: () => void) => (gated ? gate.then(ok) : ok()) } as unknown as Promise<void>);
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('banner')).toHaveLength(1));
    // The frame loads and is handed its channel; threads come through it from then on.
    const frame = h.overlays('sidebar')[0] as HTMLIFrameElement;
    const posted = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: posted }, configurable: true });
    frame.dispatchEvent(new h.window.Event('load') as unknown as Event);
    await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(1));
    const [hello, , transfer] = posted.mock.calls[0] as [unknown, string, MessagePort[]];
    expect(hello).toEqual({ type: 'crm:port', key: KEY });
    const port = transfer[0] as MessagePort;
    const handed: { threadId: string; people: string[] }[] = [];
    port.onmessage = (event: MessageEvent) => {
      const { context } = event.data as { context: { threadId: string; participants: { email: string }[] } };
      handed.push({ threadId: context.threadId, people: context.participants.map((p) => p.email) });
    };

    // Another thread: the same client, and a colleague the page has not been told about yet.
    gated = true;
    const main = h.doc.querySelector('[role="main"]') as Element;
    const next = main.cloneNode(true) as Element;
    next.querySelector('h2[data-legacy-thread-id]')?.setAttribute('data-legacy-thread-id', '18c4100000000def');
    for (const el of next.querySelectorAll('[email="dewi.kartika@ourcompany.example"]')) el.setAttribute('email', 'rudi.hartono@ourcompany.example');
    next.querySelectorAll('[data-crm-overlay]').forEach((el) => el.remove());
    main.replaceWith(next);
    h.window.happyDOM.setURL(`${h.window.location.href.split('#')[0]}#inbox/18c4100000000def`);

    // First the thread the frame was created for, which the sidebar shows only from the channel.
    await vi.waitFor(() => expect(handed).toHaveLength(2));
    expect(handed.shift()?.threadId).not.toBe('18c4100000000def');
    expect(handed[0]).toEqual({ threadId: '18c4100000000def', people: [AT_RISK, 'budi.santoso@bank-sinar.co.id', 'rudi.hartono@ourcompany.example'] });
    expect(h.asked.at(-1)).toEqual(['rudi.hartono@ourcompany.example']);
    // The banner needs only the client's answer, which is known.
    expect(h.overlays('banner')).toHaveLength(1);

    release();
    await vi.waitFor(() => expect(handed).toHaveLength(2));
    expect(handed[1]).toEqual({ threadId: '18c4100000000def', people: [AT_RISK, 'budi.santoso@bank-sinar.co.id'] });
    await vi.waitFor(() => expect(h.overlays('banner')).toHaveLength(1));
    port.close();
  });

  it('shows no sidebar for a thread before its answers say someone in it is a client', async () => {
    let release = () => {};
    const gate = new Promise<void>((done) => (release = done));
    const h = harness('thread-five-messages.html', gate);
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.asked).toHaveLength(1));
    await new Promise((done) => setTimeout(done, 20));
    expect(h.overlays('sidebar')).toHaveLength(0);
    release();
    await vi.waitFor(() => expect(h.overlays('sidebar')).toHaveLength(1));
  });

  it('opens the sidebar and the banner for a thread with an outside client, and leaves nothing behind on abort', async () => {
    const h = harness('thread-five-messages.html');
    close = () => h.window.happyDOM.close();
    await vi.waitFor(() => expect(h.overlays('sidebar')).toHaveLength(1));
    const src = h.overlays('sidebar')[0]?.getAttribute('src') ?? '';
    expect(src.startsWith('chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidebar.html#')).toBe(true);
    expect(decodeURIComponent(src)).toContain(AT_RISK);
    expect(decodeURIComponent(src)).not.toContain('dewi.kartika@ourcompany.example');
    expect(h.overlays('banner')).toHaveLength(1);
    expect(h.overlays('banner')[0]?.getAttribute('data-risk')).toBe('at-risk');

    h.controller.abort();
    expect([...h.doc.querySelectorAll('[data-crm-overlay]')]).toEqual([]);
  });
});
