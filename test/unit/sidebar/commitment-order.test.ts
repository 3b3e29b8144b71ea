import { describe, expect, it } from 'vitest';
import { isOverdue, orderCommitments, type Orderable } from '../../../lib/sidebar/commitment-order';

const TODAY = '2026-11-23';
const c = (id: string, dueDate: string | null, createdAt = '2026-01-01T00:00:00Z', status: Orderable['status'] = 'open'): Orderable =>
  ({ id, dueDate, createdAt, status });

describe('isOverdue', () => {
  it.each([
    ['due yesterday', c('a', '2026-11-22'), true],
    ['due today', c('a', TODAY), false],
    ['due tomorrow', c('a', '2026-11-24'), false],
    ['no due date', c('a', null), false],
    ['done, due long ago', c('a', '2026-01-01', undefined, 'done'), false],
  ])('%s', (_, commitment, expected) => {
    expect(isOverdue(commitment, TODAY)).toBe(expected);
  });
});

describe('orderCommitments', () => {
  it.each([
    ['empty', [], []],
    [
      'overdue first, the longest overdue at the top, then by due date, then undated',
      [c('later', '2026-12-10'), c('undated', null), c('overdue-new', '2026-11-20'), c('soon', '2026-11-25'), c('overdue-old', '2026-10-01'), c('today', TODAY)],
      ['overdue-old', 'overdue-new', 'today', 'soon', 'later', 'undated'],
    ],
    [
      'same due date: in the order they were made',
      [c('second', '2026-12-01', '2026-02-01T00:00:00Z'), c('first', '2026-12-01', '2026-01-01T00:00:00Z')],
      ['first', 'second'],
    ],
    [
      'undated ones in the order they were made',
      [c('b', null, '2026-05-01T00:00:00Z'), c('a', null, '2026-04-01T00:00:00Z')],
      ['a', 'b'],
    ],
  ] as const)('%s', (_, items, expected) => {
    expect(orderCommitments(items, TODAY).map((x) => x.id)).toEqual(expected);
  });

  it('does not change the list it is given', () => {
    const list = [c('b', '2026-12-01'), c('a', '2026-11-01')];
    orderCommitments(list, TODAY);
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
  });
});
