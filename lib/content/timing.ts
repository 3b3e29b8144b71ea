/**
 * Leaves a User Timing mark in the mail page's performance timeline (`crm:<what>`), replacing
 * the previous one of that name so marks never pile up over a long session. DevTools and the
 * benchmarks read them; nothing in the extension does.
 */
export function markTiming(name: `crm:${string}`): void {
  try {
    performance.clearMarks(name);
    performance.mark(name);
  } catch {
    // A page that replaced `performance` gets no marks; nothing depends on them.
  }
}
