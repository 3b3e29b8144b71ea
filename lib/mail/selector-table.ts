/**
 * The shape of a mail site's selector table (`lib/mail/<site>/selectors.ts`), whatever the site.
 * Mail sites change their DOM without notice, so each entry lists fallbacks in order of
 * preference and names the fixture pages (`test/fixtures/<site>/`) it must match; a unit test per
 * site fails when a fallback matches none of them. The lookups over it are in `query.ts`.
 */
export interface SelectorFallback {
  css: string;
  /** For entries that read a value: the attribute holding it. */
  attr?: string;
}

export interface SelectorEntry<Fixture extends string = string> {
  /** The entry's key in its table; a reader that finds nothing reports it by this name. */
  name: string;
  fallbacks: readonly SelectorFallback[];
  fixtures: readonly Fixture[];
}
