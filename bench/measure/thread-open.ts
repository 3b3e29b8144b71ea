import type { Page } from 'playwright-core';
import type { AccountFacts } from '../crm/ask-crm';
import { swapMain } from '../browser/page-actions';
import { PARKED_SIDEBAR_SELECTOR, SIDEBAR_SELECTOR, contextSeenAt, shownAt, sidebarFrameFor } from '../browser/sidebar-probe';
import type { ThreadPage } from '../pages/gmail-pages';

/** One thread open, in milliseconds from the thread DOM going in, split where it can be seen from outside. */
export interface OpenTiming {
  total: number;
  /**
   * Until the content script hands the thread to the sidebar (its User Timing mark
   * `crm:sidebar-handed` in the mail page): noticing the view change, reading it, looking its
   * people up, posting it to the frame (or creating the frame).
   */
  contentScript: number;
  /** From that mark until the sidebar frame has the thread: the browser carrying the message across processes, or a new frame loading. */
  delivery: number;
  /** From the frame having the thread to the client shown (the sidebar's queries and rendering). */
  sidebar: number;
}

/**
 * Opens one thread the way Gmail does (new main region, new hash) and times it from the thread
 * DOM going in (page clock) to the sidebar frame showing the client's account name, stage and
 * every open commitment (frame clock, brought to the page's by `offsetMs`).
 */
export async function openThread(page: Page, thread: ThreadPage, client: AccountFacts, offsetMs: number): Promise<OpenTiming> {
  // A frame already showing keeps showing, and one put away beside the list comes back (both
  // found before the clock starts, so nothing of the bench's runs in the page while it renders
  // the thread); otherwise the content script creates one.
  const showing = await (await page.$(`${SIDEBAR_SELECTOR}, ${PARKED_SIDEBAR_SELECTOR}`))?.contentFrame();
  const t0 = await swapMain(page, thread.html, thread.hash);
  const frame = showing ?? await sidebarFrameFor(page);
  const done = (await shownAt(frame, thread.threadId, { name: client.name, stage: client.stage, open: client.openCommitments })) - offsetMs;
  const seen = (await contextSeenAt(frame, thread.threadId)) - offsetMs;
  const handed = await page.evaluate(() => {
    const mark = performance.getEntriesByName('crm:sidebar-handed', 'mark').at(-1);
    return mark ? performance.timeOrigin + mark.startTime : Number.NaN;
  });
  return { total: done - t0, contentScript: handed - t0, delivery: seen - handed, sidebar: done - seen };
}
