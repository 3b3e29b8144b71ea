import { describe, expect, it } from 'vitest';
import { handleListboxKey, listboxKey } from '../../../lib/ui/listbox-keys';

describe('listboxKey', () => {
  it.each([
    ['ArrowDown', 0, 3, 'ac', { type: 'move', active: 1 }],
    ['ArrowDown', 2, 3, 'ac', { type: 'move', active: 0 }],
    ['ArrowUp', 0, 3, 'ac', { type: 'move', active: 2 }],
    // Fewer results than before: moving starts from the last one shown.
    ['ArrowUp', 5, 3, 'ac', { type: 'move', active: 1 }],
    ['ArrowDown', 0, 0, 'ac', null],
    ['Enter', 1, 3, 'ac', { type: 'pick', index: 1 }],
    ['Enter', 7, 3, 'ac', { type: 'pick', index: 2 }],
    ['Enter', 0, 0, 'ac', null],
    ['Escape', 0, 3, 'ac', { type: 'clear' }],
    ['Escape', 0, 0, '', null],
    ['a', 0, 3, 'ac', null],
    ['Home', 1, 3, 'ac', null],
  ] as const)('%s at %i of %i (typed %j)', (key, active, count, typed, expected) => {
    expect(listboxKey(key, active, count, typed)).toEqual(expected);
  });
});

describe('handleListboxKey', () => {
  function press(key: string, active: number, typed = 'ac') {
    const calls: string[] = [];
    let prevented = false;
    handleListboxKey({ key, preventDefault: () => void (prevented = true) }, ['x', 'y', 'z'], active, typed, {
      move: (n) => calls.push(`move ${n}`),
      clear: () => calls.push('clear'),
      pick: (hit) => calls.push(`pick ${hit}`),
    });
    return { calls, prevented };
  }

  it.each([
    ['ArrowDown', 0, ['move 1'], true],
    ['Enter', 2, ['pick z'], true],
    ['Escape', 0, ['clear'], true],
    // The box's own keys stay the browser's.
    ['a', 0, [], false],
    ['Home', 1, [], false],
  ] as const)('%s at %i', (key, active, calls, prevented) => {
    expect(press(key, active)).toEqual({ calls, prevented });
  });
});
