import { useEffect, useState } from 'preact/hooks';

/**
 * False in a component's first render, true right after the browser painted it (Preact runs
 * effects after the next frame). Parts below the fold render then, so what the user looks at
 * first — who the client is, the risk, what we promised — is painted without waiting for them.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
