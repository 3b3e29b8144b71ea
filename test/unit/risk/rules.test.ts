import { describe, expect, it } from 'vitest';
import { RiskSettings } from '../../../lib/api';
import { DEFAULT_RISK_SETTINGS } from '../../../lib/risk';
import {
  competitorMentioned, noOwner, onlyProblems, overdueCommitments, shrinkingBusiness, silence, singleThreaded,
} from '../../../lib/risk/rules';
import { dayOffset, daysAgo, facts, ix } from './build-facts';

const s = DEFAULT_RISK_SETTINGS;

describe('silence', () => {
  it.each([
    ['cadence 14, last contact 14 days ago: on rhythm', 14, [ix(14)], null],
    ['cadence 14, 15 days ago', 14, [ix(15)], { code: 'silence', days: 15, expectedDays: 14, basis: 'cadence' }],
    ['cadence 14, 41 days ago', 14, [ix(41), ix(60)], { code: 'silence', days: 41, expectedDays: 14, basis: 'cadence' }],
    ['internal notes are not contact', 14, [ix(1, { direction: 'internal', kind: 'note' }), ix(30)],
      { code: 'silence', days: 30, expectedDays: 14, basis: 'cadence' }],
    ['no cadence, only two contacts: too little to know the usual gap', null, [ix(100), ix(110)], null],
    // contacts 10 days apart → usual gap 10, expected 20
    ['no cadence, usual gap 10, silent 20 days: boundary', null, [ix(20), ix(30), ix(40)], null],
    ['no cadence, usual gap 10, silent 21 days', null, [ix(21), ix(31), ix(41)],
      { code: 'silence', days: 21, expectedDays: 20, basis: 'usual-gap' }],
    ['never any contact', 14, [], null],
  ])('%s', (_name, cadenceDays, interactions, expected) => {
    expect(silence(facts({ cadenceDays, interactions }), s)?.reason ?? null).toEqual(expected);
  });

  it('counts a last contact older than the interactions passed', () => {
    const f = facts({ cadenceDays: 30, interactions: [], lastContactAt: daysAgo(400) });
    expect(silence(f, s)?.reason).toEqual({ code: 'silence', days: 400, expectedDays: 30, basis: 'cadence' });
    expect(silence(facts({ cadenceDays: 30, interactions: [ix(5)], lastContactAt: daysAgo(400) }), s)).toBeNull();
  });

  it('weighs a silence over twice the rhythm more', () => {
    expect(silence(facts({ cadenceDays: 10, interactions: [ix(15)] }), s)?.weight).toBe(1);
    expect(silence(facts({ cadenceDays: 10, interactions: [ix(21)] }), s)?.weight).toBe(2);
  });
});

describe('overdue commitments', () => {
  it.each([
    ['none open', [], null],
    ['due today is not overdue', [dayOffset(0)], null],
    ['no due date is never overdue', [null], null],
    ['one a day late', [dayOffset(1)], { code: 'overdue-commitments', count: 1, oldestDaysOverdue: 1 }],
    ['two late, one future', [dayOffset(9), dayOffset(2), dayOffset(-5)],
      { code: 'overdue-commitments', count: 2, oldestDaysOverdue: 9 }],
  ])('%s', (_name, openCommitmentDueDates, expected) => {
    expect(overdueCommitments(facts({ openCommitmentDueDates }), s)?.reason ?? null).toEqual(expected);
  });
});

const problem = (d: number, kind: 'complaint' | 'billing' | 'outage' | 'cancellation' = 'complaint') => ix(d, { kind });

describe('only problems lately', () => {
  it.each([
    ['three complaints of five', [problem(1), problem(2), problem(3), ix(4), ix(5)], { code: 'only-problems', problems: 3, of: 5 }],
    ['two problems of four is not most', [problem(1), problem(2), ix(3), ix(4)], null],
    ['a proactive outbound touch breaks the pattern', [problem(1), problem(2), problem(3), ix(4, { direction: 'outbound' })], null],
    ['an outbound reply about billing is not proactive', [problem(1), problem(2, 'billing'), ix(3, { kind: 'billing', direction: 'outbound' })],
      { code: 'only-problems', problems: 3, of: 3 }],
    ['only the last five count', [problem(1), problem(2), problem(3), ix(4), ix(5), ix(6, { direction: 'outbound' })],
      { code: 'only-problems', problems: 3, of: 5 }],
    ['older than 90 days does not count', [problem(91), problem(92), problem(93)], null],
    ['a single complaint is not a pattern', [problem(1)], null],
  ])('%s', (_name, interactions, expected) => {
    expect(onlyProblems(facts({ interactions }), s)?.reason ?? null).toEqual(expected);
  });
});

const order = (d: number, amount: number) => ix(d, { kind: 'order', amount });

describe('shrinking business', () => {
  it.each([
    ['orders steady', [order(10, 100), order(100, 100)], null],
    ['down 29%', [order(10, 71), order(100, 100)], null],
    ['down 30%', [order(10, 70), order(100, 100)], { code: 'shrinking-business', dropPercent: 30, cancellations: 0 }],
    ['no orders at all lately', [order(120, 500)], { code: 'shrinking-business', dropPercent: 100, cancellations: 0 }],
    ['no earlier orders: nothing to compare', [order(10, 5)], null],
    ['a cancellation recorded', [ix(20, { kind: 'cancellation' })], { code: 'shrinking-business', dropPercent: null, cancellations: 1 }],
    ['a cancellation long ago does not count', [ix(200, { kind: 'cancellation' })], null],
  ])('%s', (_name, interactions, expected) => {
    expect(shrinkingBusiness(facts({ interactions }), s)?.reason ?? null).toEqual(expected);
  });
});

describe('single-threaded', () => {
  it.each([
    ['always the same person', [ix(10), ix(50), ix(200)], { code: 'single-threaded', months: 12 }],
    ['two people', [ix(10), ix(50, { contactIds: ['c2'] }), ix(200)], null],
    ['a second person only before the window', [ix(10), ix(50), ix(200), ix(400, { contactIds: ['c2'] })], { code: 'single-threaded', months: 12 }],
    ['too few contacts to tell', [ix(10), ix(50)], null],
  ])('%s', (_name, interactions, expected) => {
    expect(singleThreaded(facts({ interactions }), s)?.reason ?? null).toEqual(expected);
  });
});

describe('no active owner', () => {
  it.each([
    [true, null],
    [false, { code: 'no-owner' }],
  ])('owner active: %s', (hasActiveOwner, expected) => {
    expect(noOwner(facts({ hasActiveOwner }), s)?.reason ?? null).toEqual(expected);
  });
});

describe('competitor mentioned', () => {
  const withCompetitors = RiskSettings.parse({ competitors: ['Telkom', 'МегаФон'], competitorDays: 90 });
  const note = (d: number, summary: string) => ix(d, { kind: 'note', direction: 'internal', summary });
  it.each([
    ['named in a note', [note(3, 'They got an offer from Telkom last week')], { code: 'competitor-mentioned', competitor: 'Telkom', daysAgo: 3 }],
    ['any case, any script', [note(5, 'звонили из мегафон')], { code: 'competitor-mentioned', competitor: 'МегаФон', daysAgo: 5 }],
    ['part of another word is not a mention', [note(3, 'Telkomsel signal was weak')], null],
    ['too long ago', [note(91, 'Telkom again')], null],
    ['the newest mention wins', [note(30, 'Telkom'), note(2, 'МегаФон called')], { code: 'competitor-mentioned', competitor: 'МегаФон', daysAgo: 2 }],
  ])('%s', (_name, interactions, expected) => {
    expect(competitorMentioned(facts({ interactions }), withCompetitors)?.reason ?? null).toEqual(expected);
  });

  it('says nothing when the team lists no competitors', () => {
    expect(competitorMentioned(facts({ interactions: [note(1, 'Telkom')] }), s)).toBeNull();
  });
});
