import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { fixturePage, routeGmail } from './support/mail-pages';

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await routeGmail(ext.context, 'unrecognised-layout.html');
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await ext?.close();
});

describe('layout report', () => {
  it('copies a skeleton of the unrecognised Gmail page, with its structure and none of its text', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLdRwzXpqKlmZvTnHjGsWcBx');
    await page.locator('[data-crm-overlay="notice"]').waitFor({ timeout: 30_000 });
    // What the page shows a person: none of it may be in the report.
    const words = (await page.locator('body').innerText()).match(/[\p{L}\p{N}]{4,}/gu) ?? [];
    const values = await page.locator('[title], [aria-label], [email], [data-address], [data-conversation]').evaluateAll((els) =>
      els.flatMap((el) => ['title', 'aria-label', 'email', 'data-address', 'data-conversation'].map((name) => el.getAttribute(name) ?? '').filter(Boolean)));
    expect(words.length).toBeGreaterThan(10);
    expect(values.length).toBeGreaterThan(3);

    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await popup.locator('[data-testid="copy-layout-report"]').click({ timeout: 20_000 });
    const status = popup.locator('[data-testid="layout-report-status"]');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/copied|clipboard was not available/);
    const shown = popup.locator('[data-testid="layout-report-text"]');
    const report = (await shown.count()) > 0 ? await shown.inputValue() : await popup.evaluate(() => navigator.clipboard.readText());

    expect(report).toContain('site: gmail');
    expect(report).toContain('route: /mail/u/0/#inbox/<id>');
    expect(report).toMatch(/^ {2}threadContainer: 0 \(fallbacks tried: \d+\)$/m);
    expect(report).toContain('region: main');
    expect(report).toContain('div.Rw1[role="row"][aria-selected][data-conversation]');
    expect(report).toContain('span.Fr2[email]');
    const tokens = new Set(report.match(/[\p{L}\p{N}]+/gu));
    // The report's own words and the page's class names may coincide with a word of the page; none here does.
    const leaked = words.filter((word) => tokens.has(word) && !/^(gmail|inbox|mail)$/i.test(word));
    expect(leaked).toEqual([]);
    for (const value of values) expect(report).not.toContain(value);
    expect(report).not.toContain('@');
    expect(await fixturePage('unrecognised-layout.html')).toContain('Renewal of the treasury');
    expect(report).not.toContain('Renewal');
    await popup.close();
    await page.close();
  });
});
