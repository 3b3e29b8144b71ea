import { useEffect } from 'preact/hooks';

/**
 * Follows the mail page's theme when the content script names it; otherwise the stylesheet's
 * `prefers-color-scheme` rules apply, which follow the browser.
 */
export function useTheme(theme: 'light' | 'dark' | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
