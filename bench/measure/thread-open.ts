import type { Page } from 'playwright-core';
import type { AccountFacts } from '../crm/ask-crm';
import { swapMain, swapMarks } from '../browser/page-actions';
import { hashSeenAt, shownAt, sidebarFrameFor } from '../browser/sidebar-probe';
import type { ThreadPage } from '../pages/gmail-pages';

/** One thread open, in milliseconds from the thread DOM going in, split where it can be seen from outside. */
export interface OpenTiming {
  total: number;
  /** Until the next animation frame (the watcher reads once per frame). */
  toFrame: number;
  /** From that frame until the iframe's src names the thread (read, lookup, show). */
  contentScript: number;
  /** From the src change until the frame's hashchange (browser delivering it across processes). */
  hashDelivery: number;
  /** From the frame's hashchange to the client shown (the sidebar's queries and rendering). */
  sidebar: number;
}

/**
 * Opens one thread the way Gmail does (new main region, new hash) and times it from the thread
 * DOM going in (page clock) to the sidebar frame showing the client's account name, stage and
 * every open commitment (frame clock, brought to the page's by `offsetMs`).
 */
export async function openThread(page: Page, thread: ThreadPage, client: AccountFacts, offsetMs: number): Promise<OpenTiming> {
  const t0 = await swapMain(page, thread.html, thread.hash, thread.threadId);
  const frame = await sidebarFrameFor(page, thread.threadId);
  const done = (await shownAt(frame, thread.threadId, { name: client.name, stage: client.stage, open: client.openCommitments })) - offsetMs;
  const hash = (await hashSeenAt(frame, thread.threadId)) - offsetMs;
  const { rafAt, srcAt } = await swapMarks(page, thread.threadId);
  return { total: done - t0, toFrame: rafAt - t0, contentScript: srcAt - rafAt, hashDelivery: hash - srcAt, sidebar: done - hash };
}
