import type { ComponentChildren } from 'preact';
import { setFolded, useFolded, type FoldId } from '../../lib/sidebar/folds';

interface Props {
  fold: FoldId;
  /** The heading's id, which the section's `aria-labelledby` names. */
  id: string;
  children: ComponentChildren;
  /** Shown beside the title even while folded (a count, say). */
  aside?: ComponentChildren;
}

/**
 * A section's heading that folds the section: the whole title is a button (`aria-expanded`,
 * `aria-controls` = the section's body, `<fold>-body`), so a keyboard or a screen reader folds
 * it as easily as a click. The section renders its body only while unfolded.
 */
export function FoldHeading({ fold, id, children, aside }: Props) {
  const folded = useFolded(fold);
  return (
    <h2 id={id} class="fold-heading">
      <button type="button" class="fold" aria-expanded={!folded} aria-controls={`${fold}-body`} onClick={() => setFolded(fold, !folded)}>
        <span class="fold-mark" aria-hidden="true">{folded ? '▸' : '▾'}</span>
        {children}
        {/* A space, so a screen reader says "Open commitments 2", not "Open commitments2". */}
        {aside !== undefined && ' '}
        {aside}
      </button>
    </h2>
  );
}
