import { t } from '../i18n';
import type { RowRead } from '../mail/gmail/list-rows';
import { readOwnAddress } from '../mail/gmail/read-account';
import { readThread } from '../mail/gmail/read-thread';
import { findFirst } from '../mail/query';
import { GMAIL_SELECTORS as S } from '../mail/gmail/selectors';
import { watchGmail } from '../mail/gmail/watch';
import type { Participant, ThreadContext } from '../mail/types';
import type { CollapsePreference } from './collapse-preference';
import { bannerSpot, openMessagesText } from './gmail-anchors';
import { gmailRoom } from './gmail-room';
import { hideLayoutNotice, showLayoutNotice } from './layout-notice';
import { createLayoutReporter } from './layout-reporter';
import { createLookupClient, type AskLookup } from './lookup-client';
import { placeBadges } from './place-badges';
import { placeBanner } from './risk-banner';
import { addressesToLookUp, bannerMarkOf } from './row-marks';
import { createRowBadges } from './row-badges';
import { createSidebarFrame } from './sidebar-frame';
import { createThemeWatch } from './theme';

export interface GmailContentDeps {
  doc: Document;
  signal: AbortSignal;
  sidebarUrl: string;
  lookup: AskLookup;
  reportLayout: (failed: string[]) => Promise<unknown>;
  collapsed: CollapsePreference;
  warn: (message: string) => void;
}

/**
 * The Gmail content script's work: reads the page with `watchGmail`, asks the background about
 * the addresses it shows, and keeps the sidebar, the list badges, the banner and the layout
 * notice in step with the page. Everything stops when `signal` aborts.
 */
export function runGmailContent(deps: GmailContentDeps): { focusNote(): void } {
  const { doc, signal } = deps;
  const client = createLookupClient(deps.lookup);
  const sidebar = createSidebarFrame({
    doc, signal, sidebarUrl: deps.sidebarUrl, room: gmailRoom(doc), collapsed: deps.collapsed, bodyText: () => openMessagesText(doc),
  });
  const reporter = createLayoutReporter({
    site: 'gmail',
    send: deps.reportLayout,
    notice: (shown) => (shown ? showLayoutNotice(doc, t('layout_notice', t('site_name_gmail'))) : hideLayoutNotice(doc)),
    warn: deps.warn,
  });
  const ownAddresses: string[] = [];
  const learnOwnAddress = () => {
    const own = ownAddresses.length === 0 ? readOwnAddress(doc) : null;
    if (own) ownAddresses.push(own);
  };
  let thread: ThreadContext | null = null;
  /** The list's conversations as last read, for putting badges right when answers come in. */
  let listRows: readonly RowRead[] = [];
  const badges = createRowBadges(client.answer);
  const theme = createThemeWatch(doc, signal, () => findFirst(doc, S.main) ?? doc.body, () => applyThread());

  const showRisk = () => sidebar.reveal({ type: 'crm:show-risk' }, false);

  const contextOf = (shown: ThreadContext, people: readonly Participant[]) =>
    ({ site: 'gmail' as const, threadId: shown.threadId, subject: shown.subject, participants: people.slice(0, 50), theme: theme.current() });

  function applyThread(): void {
    if (signal.aborted) return;
    if (thread && !client.settled(thread.participants.map((p) => p.email))) {
      // Answers on their way: a frame already beside a thread takes this one now, with everyone
      // not known to be a colleague (the answers may still take some out); a hidden frame waits,
      // so a thread of colleagues never shows it. The banner shows what is known.
      const early = client.provisional(thread.participants);
      if (sidebar.shown && early.length > 0) sidebar.show(contextOf(thread, early));
      placeBanner(doc, bannerSpot(doc), bannerMarkOf(client.external(thread.participants), client.answer), showRisk);
      return;
    }
    const people = thread ? client.external(thread.participants) : [];
    if (!thread || people.length === 0) {
      sidebar.hide();
      placeBanner(doc, null, null, showRisk);
      return;
    }
    sidebar.show(contextOf(thread, people));
    placeBanner(doc, bannerSpot(doc), bannerMarkOf(people, client.answer), showRisk);
  }

  /** Answers came in: the badges of every conversation whose marks changed. */
  function refreshBadges(): void {
    if (!signal.aborted) badges.place(listRows, false);
  }

  // An updated or removed extension leaves the page as it found it (the frame goes with `signal` too).
  signal.addEventListener('abort', () => {
    placeBadges(doc, []);
    placeBanner(doc, null, null, showRisk);
    hideLayoutNotice(doc);
  }, { once: true });

  learnOwnAddress();
  watchGmail(doc, signal, {
    onRoute() {
      learnOwnAddress();
      reporter.viewChanged();
      theme.viewChanged();
    },
    onThread(result) {
      reporter.verdict('thread', result && (result.ok ? { ok: true } : { ok: false, failed: result.failed }));
      thread = result?.ok ? result.value : null;
      const emails = thread?.participants.map((p) => p.email) ?? [];
      applyThread();
      void client.ensure(emails, { thread: true }).then(applyThread);
    },
    onList(result) {
      reporter.verdict('list', result && (result.ok ? { ok: true } : { ok: false, failed: result.failed }));
      if (result?.ok) void client.ensure(addressesToLookUp(result.value, () => false)).then(refreshBadges);
    },
    // Rows that are new, replaced or changed get their badges in the same frame as their read,
    // from memory, before the next paint; the other rows keep theirs untouched.
    onRows(read, all) {
      listRows = all;
      if (!signal.aborted) badges.place(read, true);
    },
  }, {
    ownAddresses,
    // Company domains live in the background's settings; its `excluded` answers stand for them.
    companyDomains: [],
    // Each thread read follows a change Gmail made, which may have dropped our banner with the
    // elements it replaced: put it back in the same frame, from memory, before the next paint.
    readers: {
      thread: (root, opts) => {
        const result = readThread(root, opts);
        sidebar.refresh();
        if (thread) placeBanner(doc, bannerSpot(doc), bannerMarkOf(client.external(thread.participants), client.answer), showRisk);
        return result;
      },
    },
  });

  return { focusNote: () => sidebar.reveal({ type: 'crm:focus-note' }, true) };
}
