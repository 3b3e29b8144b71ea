import type { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import type { LayoutHealth, ReportLayoutData } from '../messaging/protocol';

type Report = z.output<typeof ReportLayoutData>;
type Site = LayoutHealth['site'];

/** Where the per-site records live; the background passes `storage.session`, tests a plain object. */
export interface LayoutHealthArea {
  get(): Promise<Partial<Record<Site, LayoutHealth>>>;
  set(value: Partial<Record<Site, LayoutHealth>>): Promise<void>;
}

/** The records after one report: the site's entry replaced, names unique and in report order. */
export function recordReport(
  records: Partial<Record<Site, LayoutHealth>>,
  report: Report,
  now: number,
): Partial<Record<Site, LayoutHealth>> {
  return { ...records, [report.site]: { site: report.site, failed: [...new Set(report.failed)], at: now } };
}

/** Every site that reported, failing ones first, then by site name, so the popup reads the same each time. */
export function healthList(records: Partial<Record<Site, LayoutHealth>>): LayoutHealth[] {
  return Object.values(records)
    .filter((r): r is LayoutHealth => r !== undefined)
    .sort((a, b) => Number(b.failed.length > 0) - Number(a.failed.length > 0) || a.site.localeCompare(b.site));
}

/**
 * Keeps the last layout check per mail site. It lives in session storage (not readable by
 * content scripts, kept while the browser runs, so a worker restart does not forget it) and holds
 * only site and reader names, never anything read from a mail page.
 */
export function createLayoutHealthStore(area: LayoutHealthArea, now: () => number = Date.now) {
  // Reports from several tabs may arrive together; each waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    report(report: Report): Promise<null> {
      const next = queue.then(async () => {
        await area.set(recordReport(await area.get(), report, now()));
        return null;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async list(): Promise<LayoutHealth[]> {
      await queue;
      return healthList(await area.get());
    },
  };
}

export type LayoutHealthStore = ReturnType<typeof createLayoutHealthStore>;

/** The records in the extension's session storage. */
export function sessionLayoutArea(): LayoutHealthArea {
  const item = storage.defineItem<Partial<Record<Site, LayoutHealth>>>('session:layoutHealth', { fallback: {} });
  return { get: () => item.getValue(), set: (value) => item.setValue(value) };
}
