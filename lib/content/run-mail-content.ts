import { t } from '../i18n';
import type { MailSiteAdapter, SiteThread } from '../mail/site-adapter';
import { toSidebarContext } from './to-sidebar-context';
import type { ListRow, MailSite, Participant, ReaderOptions, ReadResult, RowRead } from '../mail/types';
import type { CollapsePreference } from './collapse-preference';
import { hideLayoutNotice, showLayoutNotice } from './layout-notice';
import { buildLayoutReport, type LayoutReportSource } from './layout-report';
import { createLayoutReporter, type LayoutVerdict } from './layout-reporter';
import { createLookupClient, type AskLookup } from './lookup-client';
import { marginRoom } from './margin-room';
import { placeBadges } from './place-badges';
import { placeBanner } from './risk-banner';
import { createRowBadges } from './row-badges';
import { addressesToLookUp, bannerMarkOf } from './row-marks';
import { createSidebarFrame } from './sidebar-frame';
import { createThemeWatch } from './theme';

export interface MailContentDeps {
  doc: Document;
  signal: AbortSignal;
  sidebarUrl: string;
  lookup: AskLookup;
  reportLayout: (failed: string[]) => Promise<unknown>;
  collapsed: CollapsePreference;
  warn: (message: string) => void;
  /** Subscribes to the content script's location changes (WXT's `wxt:locationchange`); returns the unsubscribe. */
  subscribeLocation: (listener: () => void) => () => void;
  /** The site's selector table and report regions, and the extension's version, for the layout report. */
  layoutReport?: LayoutReportSource & { version: string };
}

const verdictOf = (result: ReadResult<unknown> | null): LayoutVerdict | null =>
  result && (result.ok ? { ok: true } : { ok: false, failed: result.failed });

/**
 * A mail content script's work, whatever the site: reads the page with the site's watcher, asks
 * the background about the addresses it shows, and keeps the sidebar, the list badges, the banner
 * and the layout notice in step with the page. Everything stops when `signal` aborts.
 */
export function runMailContent<Route, Thread extends SiteThread, Row extends ListRow, ReadOpts extends ReaderOptions>(
  site: MailSiteAdapter<Route, Thread, Row, ReadOpts>,
  deps: MailContentDeps,
): { focusNote(): void; searchMail(query: string): boolean; layoutReport(wanted: MailSite): string | null; recheck(emails: readonly string[]): void } {
  const { doc, signal } = deps;
  const client = createLookupClient(deps.lookup);
  const room = marginRoom(() => site.roomArea(doc), () => site.roomTop(doc));
  const sidebar = createSidebarFrame({
    doc, signal, sidebarUrl: deps.sidebarUrl, room, collapsed: deps.collapsed, bodyText: () => site.messagesText(doc),
  });
  const reporter = createLayoutReporter({
    site: site.site,
    send: deps.reportLayout,
    notice: (shown) => (shown ? showLayoutNotice(doc, t('layout_notice', t(`site_name_${site.site}`))) : hideLayoutNotice(doc)),
    warn: deps.warn,
  });
  // The readers see this array itself, so what is learnt later counts from the next read on.
  const ownAddresses: string[] = [];
  let route: Route | null = null;
  // The page may show the account after the first read: look again before each read while none is known.
  const learnOwnAddresses = () => {
    if (ownAddresses.length === 0) ownAddresses.push(...site.ownAddresses(doc, route));
  };
  let thread: Thread | null = null;
  /** The list's conversations as last read, for putting badges right when answers come in. */
  let listRows: readonly RowRead[] = [];
  const badges = createRowBadges(client.answer);
  const theme = createThemeWatch(doc, signal, () => site.themeFrom(doc) ?? doc.body, () => applyThread());

  const showRisk = () => sidebar.reveal({ type: 'crm:show-risk' }, false);
  const placeThreadBanner = (people: readonly Participant[]) =>
    placeBanner(doc, site.bannerSpot(doc), bannerMarkOf(people, client.answer), showRisk);

  function applyThread(): void {
    if (signal.aborted) return;
    if (thread && !client.settled(thread.participants.map((p) => p.email))) {
      // Answers on their way: a frame already beside a thread takes this one now, with everyone
      // not known to be a colleague (the answers may still take some out); a hidden frame waits,
      // so a thread of colleagues never shows it. The banner shows what is known.
      const early = client.provisional(thread.participants);
      if (sidebar.shown && early.length > 0) sidebar.show(toSidebarContext({ ...thread, participants: early }, theme.current()));
      placeThreadBanner(client.external(thread.participants));
      return;
    }
    const people = thread ? client.external(thread.participants) : [];
    if (!thread || people.length === 0) {
      sidebar.hide();
      placeBanner(doc, null, null, showRisk);
      return;
    }
    sidebar.show(toSidebarContext({ ...thread, participants: people }, theme.current()));
    placeThreadBanner(people);
  }

  // A list and its open thread often share people, whose answer may come with either lookup (a
  // second `ensure` does not wait for an address already queued by the first): each answer
  // updates everything that shows people.
  function applyAll(): void {
    if (signal.aborted) return;
    badges.place(listRows, false);
    applyThread();
  }

  site.watch(doc, signal, {
    onRoute(next) {
      route = next;
      ownAddresses.length = 0;
      learnOwnAddresses();
      reporter.viewChanged();
      theme.viewChanged();
    },
    onThread(result) {
      reporter.verdict('thread', verdictOf(result));
      thread = result?.ok ? result.value : null;
      applyThread();
      if (thread) void client.ensure(thread.participants.map((p) => p.email), { thread: true }).then(applyAll);
    },
    onList(result) {
      reporter.verdict('list', verdictOf(result));
      if (result?.ok) void client.ensure(addressesToLookUp(result.value, () => false)).then(applyAll);
    },
    // Rows that are new, replaced or changed get their badges in the same frame as their read,
    // from memory, before the next paint; the other rows keep theirs untouched.
    onRows(read, all) {
      // The list's answer, built right after this, leaves our own addresses out.
      learnOwnAddresses();
      listRows = all;
      if (!signal.aborted) badges.place(read, true);
    },
  }, {
    ownAddresses,
    // Company domains live in the background's settings; its `excluded` answers stand for them.
    companyDomains: [],
    subscribeLocation: deps.subscribeLocation,
    // Each thread read follows a change the site made, which may have dropped our banner with the
    // elements it replaced: put it back in the same frame, from memory, before the next paint.
    readers: {
      thread: (root, opts) => {
        learnOwnAddresses();
        const result = site.readThread(root, opts);
        sidebar.refresh();
        if (thread) placeThreadBanner(client.external(thread.participants));
        return result;
      },
    },
  });

  // The sidebar goes by itself; what was put inside the site's own elements goes too (an updated
  // or disabled extension must not leave badges it no longer keeps up to date).
  signal.addEventListener('abort', () => {
    placeBadges(doc, []);
    placeBanner(doc, null, null, showRisk);
    hideLayoutNotice(doc);
  }, { once: true });

  return {
    focusNote: () => sidebar.reveal({ type: 'crm:focus-note' }, true),
    /** This page's layout report (lib/content/layout-report.ts) when it shows `wanted`; null otherwise. */
    layoutReport(wanted) {
      const source = deps.layoutReport;
      if (wanted !== site.site || !source || signal.aborted) return null;
      return buildLayoutReport(doc, { ...source, site: site.site, url: doc.location.href, now: new Date() });
    },
    /** Runs the site's own search for a client ("open in mail"); false when this page can't. */
    searchMail(query) {
      const url = signal.aborted ? null : site.searchUrl(doc.location.href, query);
      if (url) doc.location.assign(url);
      return url !== null;
    },
    /** Looks these addresses up again (their accounts changed) and puts badges and banner right. */
    recheck: (emails) => void client.recheck(emails).then(applyAll),
  };
}
