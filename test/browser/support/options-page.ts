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

/** The text of the status area after the last Test or Save finished. */
export async function connectionStatus(page: Page): Promise<string> {
  const status = page.getByTestId('connection-status');
  await page.waitForFunction(() => !document.querySelector('[data-testid="connection-status"] [role="status"]')?.textContent?.endsWith('…'));
  return (await status.innerText()).trim();
}
