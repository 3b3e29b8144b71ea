import { browser } from 'wxt/browser';
import { originPattern } from '../config/settings';

/** Whether the browser currently lets the extension reach the CRM at `apiUrl`. */
export function hasHostPermission(apiUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(apiUrl)] });
}
