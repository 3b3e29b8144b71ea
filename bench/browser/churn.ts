import type { Page } from 'playwright-core';

/** What changes in a churn step: the list's rows, one cell in a few rows, or only panes we don't watch. */
export type ChurnPhase = 'rows' | 'cells' | 'unrelated';

/** User Timing mark names: `bench:<phase>:<step>`, and `bench:end` after the last step. */
export const markName = (phase: ChurnPhase, step: number) => `bench:${phase}:${step}`;

/**
 * Scripted Gmail churn in the page world. Each step sets a User Timing mark, makes one batch of
 * mutations, then lets two animation frames pass (the content script reads once per frame), so
 * everything a step causes lands between its mark and the next one.
 * - rows: every list row replaced by a fresh copy (Gmail re-rendering the list);
 * - cells: the date cell of three rows re-rendered (new mail, read state);
 * - unrelated: a side panel's items, the folder counts, the tab counters and the title change,
 *   all outside the thread container and the list bodies.
 */
export function churn(page: Page, phases: readonly ChurnPhase[], steps: number): Promise<void> {
  return page.evaluate(async ([order, count]) => {
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    const body = document.querySelector('[role="main"] [gh="tl"] tbody');
    if (!body) throw new Error('no list body to churn');
    const side = document.body.appendChild(document.createElement('div'));
    side.setAttribute('role', 'complementary');
    const nav = document.querySelector('[role="navigation"]') ?? document.body;
    const tab = document.querySelector('[role="tab"]') ?? document.body;
    const mutate: Record<string, (i: number) => void> = {
      rows: () => body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true))),
      cells: (i) => {
        for (let k = 0; k < 3; k++) {
          const cell = body.children[(i * 3 + k) % body.children.length]?.querySelector('td.xW');
          cell?.replaceChildren(Object.assign(document.createElement('span'), { textContent: `${(i + k) % 12 + 1}:0${k} PM` }));
        }
      },
      unrelated: (i) => {
        side.replaceChildren(...Array.from({ length: 8 }, (_, k) => Object.assign(document.createElement('div'), { textContent: `Chat ${i}-${k}` })));
        nav.setAttribute('data-bench-unread', String(i));
        nav.appendChild(document.createElement('span')).textContent = String(i);
        tab.querySelector('.aDG')?.replaceChildren(`${i % 9} new`);
        document.title = `Inbox (${i}) - me@arusdata.example`;
      },
    };
    for (const phase of order) {
      for (let i = 0; i < count; i++) {
        performance.mark(`bench:${phase}:${i}`);
        mutate[phase]?.(i);
        await frame();
        await frame();
      }
    }
    performance.mark('bench:end');
    side.remove();
  }, [phases, steps] as const);
}
