import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar } from './support/sidebar-host';

// Extension pages forbid eval. zod probes `new Function` when it first parses an object unless
// told not to (lib/config/zod-jitless.ts, which sets that without loading zod), and Chrome
// reports the refused probe as a policy violation even though zod catches it. Without that
// setting this test names the options page and the sidebar.
let crm: RunningCrm;
let ext: LaunchedExtension;
const refused: string[] = [];

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  // Chrome tells the page (not always the console) of each thing its policy refused.
  await ext.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy refused ${event.violatedDirective} (${event.blockedURI}) in ${location.pathname}`));
  });
  ext.context.on('console', (message) => {
    if (/unsafe-eval|Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await connectThroughOptions(ext, crm.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('extension pages and their content security policy', () => {
  it('the options page, the sidebar (sending a note, which loads its schema) and the popup never ask for eval', async () => {
    const view = await hostSidebar(ext, { site: 'gmail', threadId: 'csp-check', participants: [{ name: 'Hendra Wijaya', email: DEMO_ADDRESSES.atRisk }] });
    await view.getByTestId('contact-name').waitFor({ timeout: 20_000 });
    await view.getByLabel('What happened').fill(`Checked the policy ${Date.now()}`);
    await view.getByRole('button', { name: 'Save note' }).click();
    await view.locator('[data-testid="write-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await view.close();
    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    await popup.locator('body *').first().waitFor();
    await popup.waitForTimeout(500);
    await popup.close();
    expect(refused).toEqual([]);
  });
});
