import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch-extension';

/** Opens the sidebar on its own, as `sidebar.html?email=…`, at a sidebar's size. */
export async function openSidebar(ext: LaunchedExtension, email: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 720 });
  await page.goto(ext.url(`sidebar.html?email=${encodeURIComponent(email)}`));
  return page;
}

/** Waits for the sidebar's problem box and returns its kind and text. */
export async function sidebarProblem(page: Page): Promise<{ kind: string | null; text: string }> {
  const alert = page.locator('[data-problem]');
  await alert.waitFor({ timeout: 20_000 });
  return { kind: await alert.getAttribute('data-problem'), text: (await alert.innerText()).trim() };
}
