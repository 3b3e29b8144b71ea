// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { marginRoom } from '../../../lib/content/margin-room';

describe('marginRoom', () => {
  it('reserves the width on the area and puts back the margin it had', () => {
    document.body.innerHTML = '<div id="a" style="margin-right: 4px"></div><div id="b"></div>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    let area: HTMLElement | null = a;
    const room = marginRoom(() => area, () => 48);

    room.reserve(360);
    expect(a.style.getPropertyValue('margin-right')).toBe('360px');
    expect(a.style.getPropertyPriority('margin-right')).toBe('important');
    expect(room.top()).toBe(48);

    // The site swapped its container: the old one gets its margin back, the new one makes room.
    area = b;
    room.reserve(360);
    expect(a.style.getPropertyValue('margin-right')).toBe('4px');
    expect(b.style.getPropertyValue('margin-right')).toBe('360px');

    room.release();
    expect(b.style.getPropertyValue('margin-right')).toBe('');
  });

  it('does nothing when the area is not there', () => {
    const room = marginRoom(() => null, () => 0);
    expect(() => room.reserve(360)).not.toThrow();
    expect(() => room.release()).not.toThrow();
  });
});
