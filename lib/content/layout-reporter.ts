import type { MailSite } from '../mail/types';

/** A reader's verdict on the page: recognised, or the names of the selector entries that found nothing. */
export type LayoutVerdict = { ok: true } | { ok: false; failed: readonly string[] };

export interface LayoutReporterDeps {
  site: MailSite;
  /** Tells the background (the `reportLayout` message); failures are ignored, the next change tries again. */
  send: (failed: string[]) => Promise<unknown>;
  /** Shows or hides the page notice. */
  notice: (shown: boolean) => void;
  warn: (message: string) => void;
}

/**
 * Collects the verdicts of a view's readers (thread and list) and acts on changes only: the
 * notice follows the latest verdict, the background hears of each new set of failures (and of
 * recovery), and the console gets at most one warning per view change.
 */
export function createLayoutReporter(deps: LayoutReporterDeps) {
  const verdicts = new Map<string, readonly string[]>();
  let sent: string | null = null;
  let warned = false;

  function flush(): void {
    const failed = [...new Set([...verdicts.values()].flat())].sort();
    deps.notice(failed.length > 0);
    const key = failed.join(',');
    if (key === sent) return;
    sent = key;
    void deps.send(failed).catch(() => undefined);
    if (failed.length > 0 && !warned) {
      warned = true;
      deps.warn(`[client context] ${deps.site} layout not recognised; not found: ${failed.join(', ')}. Client detection is paused.`);
    }
  }

  return {
    /** The page moved to another view: a new warning may be given once. */
    viewChanged(): void {
      warned = false;
    },
    /** The verdict of one reader (`'thread'`, `'list'`); `null` when that reader has nothing to read now. */
    verdict(reader: string, verdict: LayoutVerdict | null): void {
      if (verdict === null || verdict.ok) verdicts.delete(reader);
      else verdicts.set(reader, verdict.failed);
      flush();
    },
  };
}

export type LayoutReporter = ReturnType<typeof createLayoutReporter>;
