import type { PageRoom } from './sidebar-frame';

/**
 * Room for the fixed sidebar panel made the way add-on panels get it: the site's content area
 * (found afresh on every reserve, since mail sites swap their containers) gets a right margin of
 * the panel's width so the page reflows beside the panel instead of under it. The margin the
 * element had before is put back on release, or when another element takes its place.
 */
export function marginRoom(area: () => HTMLElement | null, top: () => number): PageRoom {
  let target: HTMLElement | null = null;
  let before: { value: string; priority: string } | null = null;

  function release(): void {
    if (target && before) {
      if (before.value) target.style.setProperty('margin-right', before.value, before.priority);
      else target.style.removeProperty('margin-right');
    }
    target = null;
    before = null;
  }

  return {
    reserve(width) {
      const next = area();
      if (next !== target) {
        release();
        if (!next) return;
        target = next;
        before = { value: next.style.getPropertyValue('margin-right'), priority: next.style.getPropertyPriority('margin-right') };
      }
      if (target && target.style.getPropertyValue('margin-right') !== `${width}px`) target.style.setProperty('margin-right', `${width}px`, 'important');
    },
    release,
    top,
  };
}
