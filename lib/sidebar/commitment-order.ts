/** The fields ordering needs; works for the API's Commitment and for local drafts. */
export interface Orderable {
  id: string;
  status: 'open' | 'done' | 'cancelled';
  dueDate: string | null;
  createdAt: string;
}

/** Open and due before `today` (`YYYY-MM-DD`, the viewer's calendar day). */
export function isOverdue(c: Orderable, today: string): boolean {
  return c.status === 'open' && c.dueDate !== null && c.dueDate < today;
}

function rank(c: Orderable, today: string): number {
  if (isOverdue(c, today)) return 0;
  return c.dueDate === null ? 2 : 1;
}

/**
 * Overdue first (the longest overdue at the top), then by due date, then those without one;
 * ties keep the order they were made in.
 */
export function orderCommitments<T extends Orderable>(items: readonly T[], today: string): T[] {
  return [...items].sort((a, b) => {
    const byRank = rank(a, today) - rank(b, today);
    if (byRank !== 0) return byRank;
    if (a.dueDate !== b.dueDate) return (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : 1;
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
