import { describe, expect, it } from 'vitest';
import { daysSince, describeDay, describeLastContact, describeRhythm, isPastRhythm } from '../../../lib/sidebar/contact-rhythm';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('describeLastContact', () => {
  it.each([
    [null, 'never'],
    ['2026-11-23T08:00:00Z', 'today'],
    ['2026-11-22T23:00:00Z', 'yesterday'],
    ['2026-10-13T10:00:00Z', '41 days ago'],
    ['2026-11-21T10:00:00Z', '2 days ago'],
  ])('%s → %s', (last, text) => {
    expect(describeLastContact(last, NOW, 'UTC')).toBe(text);
  });

  it('counts calendar days in the viewer’s zone', () => {
    expect(daysSince('2026-11-22T20:00:00Z', NOW, 'Asia/Jakarta')).toBe(0);
    expect(daysSince('2026-11-22T20:00:00Z', NOW, 'UTC')).toBe(1);
  });
});

describe('describeRhythm and isPastRhythm', () => {
  it.each([
    [null, null],
    [1, 'usually every day'],
    [14, 'usually every 14 days'],
  ])('%s → %s', (days, text) => {
    expect(describeRhythm(days)).toBe(text);
  });

  it.each([
    ['41 days against 14', '2026-10-13T10:00:00Z', 14, true],
    ['exactly the rhythm', '2026-11-09T10:00:00Z', 14, false],
    ['no rhythm agreed', '2026-01-01T10:00:00Z', null, false],
    ['never in touch', null, 14, false],
  ])('%s', (_, last, cadence, late) => {
    expect(isPastRhythm(last, cadence, NOW, 'UTC')).toBe(late);
  });
});

describe('describeDay', () => {
  it.each([
    ['2026-11-23', 'Today'],
    ['2026-11-22', 'Yesterday'],
    ['2026-11-18', 'Wed, Nov 18'],
    ['2025-11-18', 'Tue, Nov 18, 2025'],
  ])('%s → %s', (day, text) => {
    expect(describeDay(day, '2026-11-23', 'en-US')).toBe(text);
  });
});
