/** The parts of `runtime.MessageSender` that decide privilege. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    // `new URL('chrome-extension://id/…').origin` is "null" in some engines; build it by hand.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * True when the message came from one of this extension's own pages (options, popup, sidebar),
 * which a web page cannot spoof; false for content scripts, whose sender is the mail page.
 */
export function isExtensionPage(sender: Sender, extensionBaseUrl: string, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  const own = originOf(extensionBaseUrl);
  // Every origin the sender carries must be ours, and it must carry at least one.
  const claimed = [sender.origin, sender.url ? (originOf(sender.url) ?? 'invalid') : undefined].filter(
    (o): o is string => o !== undefined && o !== 'null',
  );
  return own !== null && claimed.length > 0 && claimed.every((o) => o === own);
}
