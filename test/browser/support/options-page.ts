import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch-extension';

/** The options page driven the way a user would: by its labels and buttons. */
export async function openOptions(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('options.html'));
  await page.getByLabel('CRM address').waitFor();
  return page;
}

export async function fillConnection(page: Page, apiUrl: string, token: string): Promise<void> {
  await page.getByLabel('CRM address').fill(apiUrl);
  await page.getByLabel('API token').fill(token);
}

/**
 * The text of the status area once it shows an outcome: not empty (the click's re-render may not
 * have happened yet) and not a "…ing" message.
 */
export async function connectionStatus(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="connection-status"]')?.textContent?.trim() ?? '';
    return text !== '' && !text.endsWith('…');
  });
  return (await page.getByTestId('connection-status').innerText()).trim();
}

/** Enters the CRM's address and token in the options page and saves them, as a user would. */
export async function connectThroughOptions(ext: LaunchedExtension, apiUrl: string, token: string): Promise<void> {
  const options = await openOptions(ext);
  await fillConnection(options, apiUrl, token);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  await options.close();
}

/** Picks the extension's language in the options page ('' = the browser's), as a user does. */
export async function pickLanguage(ext: LaunchedExtension, language: string): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('#language').selectOption(language);
  await options.waitForFunction((lang) => document.documentElement.lang === lang, language || 'en');
  await options.close();
}
