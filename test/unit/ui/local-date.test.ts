import { describe, expect, it } from 'vitest';
import { datePattern, dateShape, formatLocalDate, parseLocalDate } from '../../../lib/ui/local-date';

describe('dateShape', () => {
  it.each([
    ['en', ['month', 'day', 'year'], '/'],
    ['ru', ['day', 'month', 'year'], '.'],
    ['ro', ['day', 'month', 'year'], '.'],
    ['id', ['day', 'month', 'year'], '/'],
    ['ms', ['day', 'month', 'year'], '/'],
  ])('%s writes %j with %s', (language, order, separator) => {
    expect(dateShape(language)).toEqual({ order, separator });
  });
});

describe('formatLocalDate and datePattern', () => {
  it.each([
    ['en', '12/31/2026', 'MM/DD/YYYY', 'DD MM YYYY'],
    ['ru', '31.12.2026', 'ДД.ММ.ГГГГ', 'ДД ММ ГГГГ'],
    ['ro', '31.12.2026', 'ZZ.LL.AAAA', 'ZZ LL AAAA'],
    ['id', '31/12/2026', 'HH/BB/TTTT', 'HH BB TTTT'],
    ['ms', '31/12/2026', 'HH/BB/TTTT', 'HH BB TTTT'],
  ])('%s: %s, %s', (language, example, pattern, letters) => {
    expect(formatLocalDate('2026-12-31', language)).toBe(example);
    expect(datePattern(language, letters)).toBe(pattern);
  });
});

describe('parseLocalDate', () => {
  it.each([
    ['en', '12/31/2026', '2026-12-31'],
    ['en', '1/2/2027', '2027-01-02'],
    ['en', '01-02-2027', '2027-01-02'],
    ['en', ' 2 29 2028 ', '2028-02-29'],
    ['ru', '31.12.2030', '2030-12-31'],
    ['ru', '1.2.2027', '2027-02-01'],
    ['ru', '01/02/2027', '2027-02-01'],
    ['ru', '1 2 2027', '2027-02-01'],
    ['ro', '31.12.2026', '2026-12-31'],
    ['ro', '5-3-2027', '2027-03-05'],
    ['id', '31/12/2026', '2026-12-31'],
    ['id', '31.12.2026', '2026-12-31'],
    ['ms', '9/10/2027', '2027-10-09'],
    ['ms', '9 / 10 / 2027', '2027-10-09'],
    ['en', '2026-12-31', '2026-12-31'],
    ['ru', '2026-12-31', '2026-12-31'],
    ['id', '2027-1-5', '2027-01-05'],
  ])('%s reads %j as %s', (language, text, iso) => {
    expect(parseLocalDate(text, language)).toBe(iso);
  });

  it.each([
    ['ru', '31.02.2027'],
    ['en', '02/30/2027'],
    ['en', '31/12/2026'],
    ['ru', '12.31.2026'],
    ['ro', '29.02.2027'],
    ['id', '31/12/26'],
    ['ms', '001/12/2026'],
    ['ru', '31.12'],
    ['ru', '31.12.2026.1'],
    ['en', 'tomorrow'],
    ['ru', ''],
    ['id', '2026-13-01'],
    ['ms', '0/12/2026'],
  ])('%s refuses %j', (language, text) => {
    expect(parseLocalDate(text, language)).toBeNull();
  });
});
