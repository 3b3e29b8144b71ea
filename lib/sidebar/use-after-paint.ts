import { useEffect, useState } from 'preact/hooks';

/**
 * False in the first render for `scope` (a thread and the person shown), true right after the
 * browser painted it (Preact runs effects after the next frame). Parts below the fold render
 * then, so what the user looks at first — who the client is, the risk, what we promised — is
 * painted without waiting for them, for every client the view shows in turn.
 */
export function useAfterPaint(scope: string): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => setPainted(scope), [scope]);
  return painted === scope;
}
