import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { openGmail, routeGmail } from './support/mail-pages';

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await routeGmail(ext.context, 'unrecognised-layout.html');
});

afterAll(async () => {
  await ext?.close();
});

describe('Gmail layout not recognised', () => {
  it('shows a notice instead of a guess, warns once, throws nothing, and the popup names what failed', async () => {
    const problems: string[] = [];
    const warnings: string[] = [];
    const page = await ext.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      if (message.type() === 'warning' && message.text().includes('layout not recognised')) warnings.push(message.text());
    });
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx');

    const notice = page.locator('[data-crm-overlay="notice"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('role')).toBe('status');
    expect((await notice.locator('p').innerText()).trim()).toBe("Gmail's layout changed; client detection is paused");
    await expect(page.locator('[data-crm-overlay="sidebar"], [data-crm-overlay="badge"], [data-crm-overlay="banner"]').count()).resolves.toBe(0);

    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    const line = popup.locator('[data-testid="layout-health"] [data-site="gmail"]');
    await line.waitFor({ timeout: 20_000 });
    expect((await line.innerText()).trim()).toBe('Gmail layout not recognised; not found: threadContainer');

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('threadContainer');
    expect(problems).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('says the layout is recognised again once a known page is read', async () => {
    const gmail = await routeGmail(ext.context, 'inbox-default-tabs.html');
    gmail.serve('inbox-default-tabs.html');
    const page = await openGmail(ext.context, 'https://mail.google.com/mail/u/0/#inbox');
    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await popup.locator('[data-testid="layout-health"] [data-site="gmail"]', { hasText: 'Gmail layout recognised' }).waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-crm-overlay="notice"]').count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });
});
