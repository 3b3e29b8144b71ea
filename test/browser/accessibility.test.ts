import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarContextInput } from '../../lib/messaging/sidebar-context';
import { DEMO_ADDRESSES } from '../../server/seed/demo';
import { axeViolations, describeViolations } from './support/axe';
import { startCrmServer, type RunningCrm } from './support/crm-server';
import { launchExtension, type LaunchedExtension } from './support/launch-extension';
import { connectThroughOptions } from './support/options-page';
import { hostSidebar } from './support/sidebar-host';

let crm: RunningCrm;
let ext: LaunchedExtension;

beforeAll(async () => {
  crm = await startCrmServer();
  ext = await launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  await connectThroughOptions(ext, crm.url, crm.token);
});

afterAll(async () => {
  await ext?.close();
  await crm?.stop();
});

const THEMES = ['light', 'dark'] as const;

function thread(email: string, theme: 'light' | 'dark', over: Partial<SidebarContextInput> = {}): SidebarContextInput {
  return { site: 'gmail', threadId: `a11y-${email}`, subject: 'Quarterly review', sentAt: null, participants: [{ name: '', email }], theme, ...over };
}

/** The sidebar's states a user meets, each with what shows it is drawn. */
const SIDEBAR_STATES = [
  { name: 'a client at risk', email: DEMO_ADDRESSES.atRisk, ready: 'contact-name' },
  { name: 'a client to watch', email: DEMO_ADDRESSES.watch, ready: 'contact-name' },
  { name: 'a healthy client', email: DEMO_ADDRESSES.healthy, ready: 'contact-name' },
  { name: 'a sender known by domain only', email: DEMO_ADDRESSES.domainOnly, ready: 'account-name' },
  { name: 'an unknown sender', email: DEMO_ADDRESSES.unknown, ready: 'unknown' },
] as const;

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  for (const theme of THEMES) {
    for (const state of SIDEBAR_STATES) {
      it(`the sidebar showing ${state.name}, ${theme}`, async () => {
        const view = await hostSidebar(ext, thread(state.email, theme), { width: 380, height: 900 });
        await view.page.emulateMedia({ colorScheme: theme });
        await view.getByTestId(state.ready).first().waitFor({ timeout: 20_000 });
        // Let deferred sections (drawn after the first paint) come in too.
        await view.frame.waitForTimeout(500);
        const violations = await axeViolations(view.frame);
        await view.close();
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }

    it(`the popup, ${theme}`, async () => {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(ext.url('popup.html'));
      await page.getByTestId('connection').waitFor({ timeout: 20_000 });
      const violations = await axeViolations(page);
      await page.close();
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it(`the options page, ${theme}`, async () => {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(ext.url('options.html'));
      await page.locator('form').first().waitFor({ timeout: 20_000 });
      const violations = await axeViolations(page);
      await page.close();
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
});
