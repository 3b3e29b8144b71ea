import { findFirst } from '../query';
import { listBodiesOf, mainOf, threadContainerOf } from './scope';
import { GMAIL_SELECTORS as S } from './selectors';

/** Settings that change how the page is laid out but do not show in the URL. */
export interface GmailLayout {
  /** The open thread is shown beside (or below) the list rather than instead of it. */
  readingPane: boolean;
  /** Gmail's "conversation view" setting; off means every message stands alone. */
  conversationView: boolean;
}

/** Reads the layout settings from the page under `root`. Pure and never throws. */
export function readLayout(root: ParentNode): GmailLayout {
  try {
    const main = mainOf(root);
    if (!main) return { readingPane: false, conversationView: true };
    return {
      readingPane: listBodiesOf(main).length > 0 && threadContainerOf(main) !== null,
      conversationView: findFirst(main, S.conversationOff) === null,
    };
  } catch {
    return { readingPane: false, conversationView: true };
  }
}
