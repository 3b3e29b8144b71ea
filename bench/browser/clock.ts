import type { Page } from 'playwright-core';
import { SIDEBAR_SELECTOR } from './sidebar-probe';

/** The sidebar frame's clock minus the page's, from the ping whose round trip was shortest. */
export interface ClockOffset {
  offsetMs: number;
  /** Half that round trip: the offset is right to within this. */
  uncertaintyMs: number;
}

/**
 * Ping-pong with the sidebar frame over postMessage (NTP's way): the page sends at a, the frame
 * stamps b on arrival and answers, the page receives at c; offset = b - (a + c) / 2 ± (c - a) / 2.
 * Page and frame run in different processes, whose timeOrigin clocks may disagree slightly.
 */
export async function measureClockOffset(page: Page, pings = 15): Promise<ClockOffset> {
  return page.evaluate(async ([selector, count]) => {
    const frame = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow;
    if (!frame) throw new Error('no sidebar frame to ping');
    const now = () => performance.timeOrigin + performance.now();
    let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
    for (let i = 0; i < count; i++) {
      const a = now();
      const b = await new Promise<number>((done, fail) => {
        const timer = setTimeout(() => fail(new Error('the sidebar frame did not answer a clock ping')), 5000);
        const onMessage = (event: MessageEvent) => {
          const data = event.data as { benchPong?: number; at?: number } | null;
          if (data?.benchPong !== a || typeof data.at !== 'number') return;
          clearTimeout(timer);
          window.removeEventListener('message', onMessage);
          done(data.at);
        };
        window.addEventListener('message', onMessage);
        frame.postMessage({ benchPing: a }, '*');
      });
      const c = now();
      if ((c - a) / 2 < best.uncertaintyMs) best = { offsetMs: b - (a + c) / 2, uncertaintyMs: (c - a) / 2 };
    }
    return best;
  }, [SIDEBAR_SELECTOR, pings] as const);
}
