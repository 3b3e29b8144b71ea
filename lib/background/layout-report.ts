import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/channel';
import { ProblemError } from '../messaging/problem-error';
import { LayoutReportText, type LayoutHealth } from '../messaging/protocol';

type Site = LayoutHealth['site'];

/** The tabs a report may come from, and how one is asked; tests hand in their own. */
export interface ReportTabs {
  /** The active tab of the window last focused (the one the popup was opened over), if any. */
  active(): Promise<number | null>;
  all(): Promise<number[]>;
  /** Asks the tab's top frame; a tab without our content script rejects. */
  ask(tabId: number, site: Site): Promise<unknown>;
}

export const browserTabs: ReportTabs = {
  active: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null,
  all: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
  ask: (tabId, site) => sendMessage('layoutReport', { site }, { tabId, frameId: 0 }),
};

/**
 * The layout report of a tab showing `site`: the active tab's when it shows that site, else the
 * first other tab's that does (in tab order); null when none does. The extension has no `tabs`
 * permission, so it cannot tell a mail tab by its URL: every tab is asked, and only the content
 * script of `site` answers anything but null. A content script's answer is checked like any message.
 */
export async function collectLayoutReport(site: Site, tabs: ReportTabs = browserTabs): Promise<string | null> {
  const active = await tabs.active();
  const fromActive = active === null ? null : await answerOf(tabs, active, site);
  if (fromActive !== null) return fromActive;
  const others = (await tabs.all()).filter((id) => id !== active);
  const answers = await Promise.all(others.map((id) => answerOf(tabs, id, site)));
  return answers.find((answer) => answer !== null) ?? null;
}

async function answerOf(tabs: ReportTabs, tabId: number, site: Site): Promise<string | null> {
  let answer: unknown;
  try {
    answer = await tabs.ask(tabId, site);
  } catch {
    // No content script there (not a mail tab, or opened before the extension was updated).
    return null;
  }
  if (answer === null || answer === undefined) return null;
  const parsed = LayoutReportText.safeParse(answer);
  if (!parsed.success) {
    throw new ProblemError({ kind: 'bad-format', path: '(root)', detail: `tab ${tabId}'s layout report: ${parsed.error.issues[0]?.message ?? ''}` });
  }
  return parsed.data;
}
