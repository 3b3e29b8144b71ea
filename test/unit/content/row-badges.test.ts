import { afterAll, describe, expect, it } from 'vitest';
import type { RiskLevel } from '../../../lib/api';
import { createRowBadges } from '../../../lib/content/row-badges';
import { marksForSenders } from '../../../lib/content/row-marks';
import { createListRows, type RowRead } from '../../../lib/mail/gmail/list-rows';
import { listBodiesOf } from '../../../lib/mail/gmail/scope';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { contactMatch, summary, unknownMatch } from '../../support/crm-fixtures';
import { asDocument } from '../mail/gmail/dom-types';
import { openFixture } from '../mail/gmail/fixture-dom';

const windows: ReturnType<typeof openFixture>[] = [];
afterAll(() => windows.forEach((w) => w.close()));

/** The default-tabs inbox with `count` rows (copies of its own), every sender of its own, read. */
function inbox(count = 8) {
  const window = openFixture('inbox-default-tabs.html');
  windows.push(window);
  const doc = asDocument(window.document);
  const [body] = listBodiesOf(doc);
  if (!body) throw new Error('no list body');
  const template = [...body.children];
  body.replaceChildren(...Array.from({ length: count }, (_, i) => {
    const row = template[i % template.length]!.cloneNode(true) as Element;
    row.querySelectorAll('[email]').forEach((el, k) => el.setAttribute('email', `p${i}x${k}@client${i % 4}.example`));
    return row;
  }));
  const list = createListRows();
  list.reset([body]);
  return { doc, body, list };
}

/** Answers by address; each client domain is its own account. */
function answers() {
  const byEmail = new Map<string, LookupItem>();
  const set = (email: string, level: RiskLevel | null) => {
    if (level === null) return byEmail.set(email, unknownMatch(email));
    const domain = email.split('@')[1]!;
    const reasons = level === 'ok' ? [] : [{ code: 'no-owner' } as const];
    return byEmail.set(email, { ...contactMatch(email), account: summary({ id: `acc-${domain}`, name: `Client ${domain}`, risk: { level, reasons } }) } as LookupItem);
  };
  return { answer: (email: string) => byEmail.get(email), set };
}

const badgesIn = (scope: ParentNode) => [...scope.querySelectorAll('[data-crm-overlay="badge"]')];

/** Exactly the badges the rows' answers call for: one per account before its first sender, none else. */
function expectBadges(rows: readonly RowRead[], answer: (email: string) => LookupItem | undefined, label = '') {
  for (const { group, senders } of rows) {
    const marks = marksForSenders(senders.map((s) => s.person), answer);
    const expected = marks.map((m) => ({ before: senders.find((s) => s.person.email === m.email)!.el, email: m.email, label: m.label, level: m.level }));
    const found = group.flatMap(badgesIn).map((b) => ({
      before: b.nextElementSibling, email: b.getAttribute('data-email'), label: b.getAttribute('aria-label'), level: b.getAttribute('data-risk'),
    }));
    expect(found, `${label} ${senders.map((s) => s.person.email).join(',')}`).toEqual(expected);
    for (const b of group.flatMap(badgesIn)) {
      expect(b.getAttribute('title')).toBeNull();
      expect(b.getAttribute('tabindex')).toBe('0');
      expect(b.shadowRoot?.querySelector('svg')).toBeTruthy();
    }
  }
}

describe('createRowBadges', () => {
  it('badges each account to watch or at risk once, before the first of its people the row shows', () => {
    const { body, list } = inbox(4);
    const rows = list.rows();
    // A second sender in the first row, from the same client as the first: one badge for both.
    const first = rows[0]!.senders[0]!.el;
    const same = first.cloneNode(true) as Element;
    same.setAttribute('email', `other@${first.getAttribute('email')!.split('@')[1]}`);
    first.parentElement!.append(same);
    const read = list.reset([body]);
    const { answer, set } = answers();
    set(read[0]!.senders[0]!.person.email, 'at-risk');
    set(read[0]!.senders[1]!.person.email, 'at-risk');
    set(read[1]!.senders[0]!.person.email, 'watch');
    set(read[2]!.senders[0]!.person.email, 'ok');
    set(read[3]!.senders[0]!.person.email, null);
    createRowBadges(answer).place(read, true);
    expect(badgesIn(body)).toHaveLength(2);
    expectBadges(read, answer);
  });

  it('keeps a copied badge that is right, puts right one that is wrong and drops one no longer wanted', () => {
    const { body, list } = inbox(6);
    const { answer, set } = answers();
    const rows = list.rows();
    rows.forEach((r, i) => set(r.senders[0]!.person.email, i % 2 ? 'watch' : 'at-risk'));
    const badges = createRowBadges(answer);
    badges.place(rows, true);
    expect(badgesIn(body)).toHaveLength(6);
    // The page re-renders the list from copies of its rows, badges and all.
    body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true)));
    const copies = badgesIn(body);
    copies[1]!.setAttribute('data-email', 'someone@else.example');
    copies[2]!.setAttribute('aria-label', 'Old label');
    // A badge of another account's level, in words and data (as a copy of another row carries it).
    copies[3]!.setAttribute('aria-label', copies[0]!.getAttribute('aria-label')!);
    copies[3]!.setAttribute('data-risk', copies[0]!.getAttribute('data-risk')!);
    set(list.rows()[4]!.senders[0]!.person.email, 'ok');
    const read = list.update([], [body]).read;
    expect(read).toHaveLength(6);
    badges.place(read, true);
    expectBadges(read, answer);
    const now = badgesIn(body);
    expect(now).toHaveLength(5);
    // Copies are kept and brought up to date (one that carried someone else's address too);
    // the one whose client is healthy now is gone.
    for (const i of [0, 1, 2, 3, 5]) expect(now).toContain(copies[i]);
    expect(now).not.toContain(copies[4]);
  });

  it('leaves a row alone on new answers that do not change its marks, and updates one whose marks changed', () => {
    const { body, list } = inbox(4);
    const { answer, set } = answers();
    const rows = list.rows();
    rows.forEach((r) => set(r.senders[0]!.person.email, 'watch'));
    const badges = createRowBadges(answer);
    badges.place(rows, true);
    const before = badgesIn(body);
    // Something changed the first badge behind our back; with the same marks, the row is not looked at.
    before[0]!.setAttribute('data-extra', 'x');
    set(rows[1]!.senders[0]!.person.email, 'at-risk');
    set(rows[2]!.senders[0]!.person.email, 'ok');
    badges.place(rows, false);
    expectBadges(rows, answer);
    expect(badgesIn(body)[0]).toBe(before[0]);
    expect(before[0]!.getAttribute('data-extra')).toBe('x');
    expect(badgesIn(body)).toHaveLength(3);
  });

  it('ends with exactly the right badges after any sequence of copies, changes and answers', () => {
    let seed = 424242;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat quickly
    };
    const { body, list } = inbox(10);
    const { answer, set } = answers();
    const levels: (RiskLevel | null)[] = ['watch', 'at-risk', 'ok', null];
    const emails = list.rows().flatMap((r) => r.senders.map((s) => s.person.email));
    emails.forEach((e, i) => set(e, levels[i % levels.length]!));
    const badges = createRowBadges(answer);
    badges.place(list.rows(), true);
    const pick = () => body.children[random(body.children.length)] as Element;
    const anyBadge = () => { const all = badgesIn(body); return all[random(all.length || 1)]; };
    /** Changes to the page; each says whether it changed only answers. */
    const changes: (() => boolean | void)[] = [
      () => body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true))),
      () => { const row = pick(); row.replaceWith(row.cloneNode(true)); },
      () => { const row = pick(); row.after(row.cloneNode(true)); },
      () => pick().querySelector('[email]')?.setAttribute('email', emails[random(emails.length)]!),
      () => { set(emails[random(emails.length)]!, levels[random(levels.length)]!); return true; },
      () => anyBadge()?.setAttribute('data-email', emails[random(emails.length)]!),
      () => anyBadge()?.setAttribute('aria-label', 'Stale'),
      // Another badge's words and level, as a copy of another row would carry them.
      () => { const [a, b] = [anyBadge(), anyBadge()]; if (a && b) for (const n of ['aria-label', 'data-risk']) a.setAttribute(n, b.getAttribute(n)!); },
      () => anyBadge()?.remove(),
      // A copy of a badge before another sender, as a copied row would carry it.
      () => { const b = anyBadge(); const s = pick().querySelector('[email]'); if (b && s) s.before(b.cloneNode(true)); },
      // A stray copy elsewhere in a row badged before.
      () => { const b = anyBadge(); if (b) pick().querySelector('td')?.append(b.cloneNode(true)); },
      () => { if (body.children.length > 3) pick().remove(); },
      // The page copies the list while a badge in it is out of date (its sender or the
      // client's state changed since): the copies carry it where it was.
      () => {
        anyBadge()?.setAttribute(random(2) ? 'data-email' : 'aria-label', emails[random(emails.length)]!);
        body.replaceChildren(...[...body.children].map((row) => row.cloneNode(true)));
      },
    ];
    for (let step = 0; step < 150; step++) {
      // What the watcher does: badge the rows it read after the page changed (all of them here),
      // and on new answers pass over every row.
      if (changes[random(changes.length)]!() === true) badges.place(list.rows(), false);
      else badges.place(list.reset([body]), true);
      expectBadges(list.rows(), answer, `step ${step}`);
    }
  });
});
