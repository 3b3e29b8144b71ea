import { browser } from 'wxt/browser';
import { originPattern } from '../config/settings';

/**
 * Asks the browser for access to exactly the CRM's origin. Call it first thing in a click
 * handler: the browser only shows the prompt during a user gesture.
 */
export async function requestHostPermission(apiUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(apiUrl)] });
  } catch {
    return false;
  }
}
