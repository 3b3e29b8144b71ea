import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectionStatus, fillConnection, openOptions } from './support/options-page';

const INSECURE = 'Use https:// for a CRM on another computer. Plain http is allowed only for a CRM on this computer (localhost, 127.0.0.1 or [::1]), so that your token never crosses the network unencrypted.';

/** The IndexedDB API the worker-side code below uses (the test itself runs in Node). */
type WorkerGlobal = { indexedDB: IDBFactory };

let crm: RunningCrm;
let ext: LaunchedExtension;

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

describe('options: plain http only for a CRM on this computer', () => {
  it.each([
    'http://crm.example.com',
    'http://192.168.1.20:8787',
    'http://localhost.evil.example:8787',
    'http://127.0.0.1.nip.io:8787',
  ])('refuses %s with what to do, and saves nothing', async (address) => {
    const page = await openOptions(ext);
    await fillConnection(page, address, crm.token);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByLabel('CRM address').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.locator('#apiUrl-error').innerText()).toBe(INSECURE);
    await page.getByRole('button', { name: 'Test connection' }).click();
    expect(await page.locator('#apiUrl-error').innerText()).toBe(INSECURE);
    await page.reload();
    await expect(page.getByLabel('CRM address').inputValue()).resolves.toBe('');
    await page.close();
  });

  it('accepts a CRM on this computer over plain http', async () => {
    const page = await openOptions(ext);
    await fillConnection(page, crm.url, crm.token);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await connectionStatus(page)).toBe('Settings saved.');
    expect(await page.locator('#apiUrl-error').count()).toBe(0);
    await page.close();
  });

  it('shows an address an older version saved, says what to change, and the popup says why nothing is sent', async () => {
    // As an older version left it: a plain-http address to another computer, in the worker's database.
    await ext.worker.evaluate(() => new Promise<void>((done, fail) => {
      const { indexedDB } = globalThis as unknown as WorkerGlobal;
      const open = indexedDB.open('crm');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ apiUrl: 'http://crm.office.lan:8787', token: 'old-token', companyDomains: ['our.example'], neverLookUp: [] }, 'settings');
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      };
    }));
    // The worker starts again (as after an update), reading its settings afresh.
    const page = await openOptions(ext);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.reload();
    await expect(page.getByLabel('CRM address').inputValue()).resolves.toBe('http://crm.office.lan:8787');
    await expect(page.getByLabel("Your company's domains").inputValue()).resolves.toBe('our.example');
    expect(await page.locator('#apiUrl-error').innerText()).toBe(INSECURE);
    await page.close();

    const popup = await ext.context.newPage();
    await popup.goto(ext.url('popup.html'));
    const problem = popup.locator('[data-problem="insecure-url"]');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toContain('The CRM address http://crm.office.lan:8787 uses plain http to another computer');
    expect(await problem.getByRole('link', { name: 'Open settings' }).count()).toBe(1);
    await popup.close();
  });
});
