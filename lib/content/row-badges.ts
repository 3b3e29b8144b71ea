import type { RowRead } from '../mail/types';
import type { LookupItem } from '../messaging/protocol';
import { placeBadges, type BadgePlacement } from './place-badges';
import { marksForSenders } from './row-marks';

/** One conversation of a message list, as its badges need it. */
export type BadgeRow = Pick<RowRead, 'row' | 'group' | 'senders'>;

/**
 * Keeps list badges for the conversations it is given: per conversation, a badge for each client
 * account to watch or at risk, right before the first of its people the row shows. `place(rows,
 * true)` is for rows just read (new, replaced or changed): their badges are put right whatever
 * they carry. `place(rows, false)` is for new answers: a row whose marks are the ones it was given
 * last time is not touched at all.
 */
export function createRowBadges(answer: (email: string) => LookupItem | undefined) {
  /**
   * The marks each row was last given, in words, kept on the row's element object in the content
   * script's own world (the page never sees it) and going with it: a WeakMap does the same, but
   * costs several times more per new row, and Gmail renders a hundred new rows at a time.
   */
  const placed = Symbol('badge marks');
  type Badged = Element & { [placed]?: string };
  return {
    place(rows: readonly BadgeRow[], justRead: boolean): void {
      for (const { row, group, senders } of rows) {
        const wanted: BadgePlacement[] = [];
        let key = '';
        for (const mark of marksForSenders(senders.map((s) => s.person), answer)) {
          const anchor = senders.find((s) => s.person.email === mark.email)?.el;
          if (!anchor) continue;
          wanted.push({ anchor, mark });
          key += `${mark.email}\n${mark.level}\n${mark.label}\n`;
        }
        const before = (row as Badged)[placed];
        if (!justRead && before === key) continue;
        (row as Badged)[placed] = key;
        // A row never badged is new to the page: a badge in it is a copy the page made of the
        // row, and sits before a sender (those with a badge wanted are looked at anyway). In a
        // row badged before, ours may be anywhere in it.
        const near = before === undefined ? senders.filter((s) => !wanted.some((w) => w.anchor === s.el)).map((s) => s.el) : undefined;
        placeBadges(group, wanted, near);
      }
    },
  };
}

