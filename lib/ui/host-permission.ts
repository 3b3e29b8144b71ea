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

/**
 * Gives back access to a CRM origin the user no longer uses. Failing is harmless (for example
 * when the origin was granted at install time and can't be removed), so errors are ignored.
 */
export async function releaseHostPermission(apiUrl: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [originPattern(apiUrl)] });
  } catch {
    // Nothing to give back.
  }
}
