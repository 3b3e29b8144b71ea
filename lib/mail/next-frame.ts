/** Runs `fn` later and returns a cancel: how the watchers batch the page's changes into one read. */
export type Schedule = (fn: () => void) => () => void;

/** Before the window's next paint (requestAnimationFrame), the watchers' default schedule. */
export function nextFrameOf(win: Window): Schedule {
  return (fn) => {
    const id = win.requestAnimationFrame(fn);
    return () => win.cancelAnimationFrame(id);
  };
}
