import type { Page } from 'playwright-core';

/**
 * Shows another view the way Gmail does, without loading a document: parses `html`, then
 * replaces the main region with the new one and changes the hash. Returns the page time right
 * before the new DOM went in (t0 of a thread open).
 */
export function swapMain(page: Page, html: string, hash: string): Promise<number> {
  return page.evaluate(([text, nextHash]) => {
    const next = new DOMParser().parseFromString(text, 'text/html');
    const main = next.querySelector('[role="main"]');
    const current = document.querySelector('[role="main"]');
    if (!main || !current) throw new Error('no main region to swap');
    const fresh = document.importNode(main, true);
    const t0 = performance.timeOrigin + performance.now();
    current.replaceWith(fresh);
    location.hash = nextHash;
    return t0;
  }, [html, hash] as const);
}

export interface BadgeTiming {
  /** Page time right before the rows went in. */
  t0: number;
  /** Page time when the last expected badge was placed. */
  t1: number;
}

/**
 * Replaces the rows of the list body with `rowsHtml` and waits (bounded) until exactly
 * `expected` badges stand in it for the addresses in `emails`, seen by a page-world
 * MutationObserver on the list.
 */
export function insertRowsAndAwaitBadges(page: Page, rowsHtml: string, emails: readonly string[], expected: number, timeoutMs = 30_000): Promise<BadgeTiming> {
  return page.evaluate(([html, wanted, count, limit]) => new Promise<BadgeTiming>((done, fail) => {
    const body = document.querySelector('[role="main"] [gh="tl"] tbody');
    if (!body) throw new Error('no list body');
    const template = document.createElement('template');
    template.innerHTML = `<table><tbody>${html}</tbody></table>`;
    const rows = [...(template.content.querySelector('tbody')?.children ?? [])];
    const emailSet = new Set(wanted);
    const placed = () => [...body.querySelectorAll('[data-crm-overlay="badge"]')].filter((b) => emailSet.has(b.getAttribute('data-email') ?? '')).length;
    const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`badges: ${placed()} of ${count} after ${limit} ms`)); }, limit);
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (placed() !== count) return;
      const t1 = performance.timeOrigin + performance.now();
      observer.disconnect();
      clearTimeout(timer);
      done({ t0, t1 });
    });
    observer.observe(body, { childList: true, subtree: true });
    t0 = performance.timeOrigin + performance.now();
    body.replaceChildren(...rows);
  }), [rowsHtml, [...emails], expected, timeoutMs] as const);
}
