/**
 * happy-dom's classes are structurally the DOM's but typed separately; the readers take the
 * standard DOM types, so tests convert at this one place.
 */
export function asDocument(doc: unknown): Document {
  return doc as Document;
}
