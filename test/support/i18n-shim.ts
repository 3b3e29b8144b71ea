import en from '../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = en as Record<string, Entry>;

/**
 * What Chrome's `i18n.getMessage` does with the English messages, for unit tests that run
 * outside a browser: named placeholders resolved to their content, `$1`…`$9` to the substitutions.
 */
export function getEnglishMessage(key: string, subs: string | string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const list = Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}
