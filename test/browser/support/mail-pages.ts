import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_ADDRESSES } from '../../../server/seed/demo';
import type { LaunchedExtension } from './launch-extension';
import { fillConnection, openOptions } from './options-page';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/gmail');

/**
 * The Gmail fixtures speak of made-up clients; the CRM's demo data has its own. Each page is
 * rewritten as it is served so that its people are demo people and every lookup meets a real
 * demo client. Whole addresses first, then whole domains:
 *
 * | fixture | demo | what the CRM says |
 * | --- | --- | --- |
 * | ana.lestari@bank-sinar.co.id | DEMO_ADDRESSES.atRisk (hendra.wijaya@semengunungkapur.co.id) | at-risk contact |
 * | sergey.petrovsky@petrovsky-logistics.ru | DEMO_ADDRESSES.watch (olga.kuznetsova@severtrans.ru) | contact of an account to watch |
 * | olga.smirnova@petrovsky-logistics.ru | d.ivanov@severtrans.ru | the same account to watch |
 * | aziz.rahman.harimau@gmail.com | DEMO_ADDRESSES.unknown | nobody |
 * | @bank-sinar.co.id (Budi) | @banksinar.co.id | DEMO_ADDRESSES.healthy |
 * | @petrovsky-logistics.ru (others) | @severtrans.ru | that account, by domain |
 * | @carpathia-energie.ro | @marinfiii.ro | a demo account, by domain |
 * | @harimau-foods.com.my | @getahperak.com.my | a demo account, by domain |
 * | @ourcompany.example (me, colleagues) | @arusdata.example | the demo team's own domain: set as company domain |
 */
export const ADDRESS_MAP: Readonly<Record<string, string>> = {
  'ana.lestari@bank-sinar.co.id': DEMO_ADDRESSES.atRisk,
  'sergey.petrovsky@petrovsky-logistics.ru': DEMO_ADDRESSES.watch,
  'olga.smirnova@petrovsky-logistics.ru': 'd.ivanov@severtrans.ru',
  'aziz.rahman.harimau@gmail.com': DEMO_ADDRESSES.unknown,
};
export const DOMAIN_MAP: Readonly<Record<string, string>> = {
  'bank-sinar.co.id': 'banksinar.co.id',
  'petrovsky-logistics.ru': 'severtrans.ru',
  'carpathia-energie.ro': 'marinfiii.ro',
  'harimau-foods.com.my': 'getahperak.com.my',
  'ourcompany.example': 'arusdata.example',
};
/** The company domain to enter in the options, so colleagues come back `excluded`. */
export const OUR_DOMAIN = 'arusdata.example';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fixture's text with its people replaced by demo people (case-insensitive, as Gmail is). */
export function toDemoPeople(html: string): string {
  let out = html;
  for (const [from, to] of Object.entries(ADDRESS_MAP)) out = out.replace(new RegExp(escape(from), 'gi'), to);
  for (const [from, to] of Object.entries(DOMAIN_MAP)) out = out.replace(new RegExp(`@${escape(from)}`, 'gi'), `@${to}`);
  return out;
}

/** The demo address a fixture address stands for. */
export function demoAddressOf(fixtureAddress: string): string {
  return toDemoPeople(fixtureAddress.toLowerCase());
}

export async function fixturePage(name: string): Promise<string> {
  return toDemoPeople(await readFile(resolve(FIXTURES, name), 'utf8'));
}

/**
 * Serves mail.google.com from the fixtures: every document request gets the page last chosen
 * with `serve`, through `edit` when given (Gmail's views differ only in the hash, which never
 * reaches a server); anything else on Google's hosts is refused, so nothing leaves the machine.
 */
export async function routeGmail(context: BrowserContext, first: string, edit: (html: string) => string = (html) => html) {
  let current = first;
  await context.route(/^https:\/\/([a-z0-9-]+\.)*google\.com\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== 'mail.google.com' || route.request().resourceType() !== 'document') return route.abort();
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: edit(await fixturePage(current)) });
  });
  return {
    /** The fixture the next page load gets. */
    serve(name: string): void {
      current = name;
    },
  };
}

/**
 * Moves the page to another view the way Gmail does, without loading a document: the main
 * region is replaced by the fixture's and the hash changes (which fires hashchange).
 */
export async function switchView(page: Page, fixture: string, hash: string): Promise<void> {
  const html = await fixturePage(fixture);
  await page.evaluate(([text, nextHash]) => {
    const next = new DOMParser().parseFromString(text, 'text/html');
    const main = next.querySelector('[role="main"]');
    const current = document.querySelector('[role="main"]');
    if (!main || !current) throw new Error('no main region to swap');
    current.replaceWith(document.importNode(main, true));
    document.title = next.title;
    location.hash = nextHash;
  }, [html, hash] as const);
}

/** Replaces every list body's rows with fresh copies from the fixture, as Gmail does on refresh. */
export async function rerenderList(page: Page, fixture: string): Promise<void> {
  const html = await fixturePage(fixture);
  await page.evaluate((text) => {
    const next = new DOMParser().parseFromString(text, 'text/html');
    const fresh = [...next.querySelectorAll('[role="main"] tbody')];
    const bodies = [...document.querySelectorAll('[role="main"] tbody')];
    if (fresh.length !== bodies.length || bodies.length === 0) throw new Error('list bodies differ from the fixture');
    bodies.forEach((body, i) => body.replaceChildren(...[...(fresh[i]?.children ?? [])].map((row) => document.importNode(row, true))));
  }, html);
}

/** Opens a Gmail URL in a new tab of the extension's browser. */
export async function openGmail(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Saves the CRM connection and the company domain through the options page, as a user would. */
export async function configureForMail(ext: LaunchedExtension, apiUrl: string, token: string): Promise<void> {
  const page = await openOptions(ext);
  await fillConnection(page, apiUrl, token);
  await page.getByLabel("Your company's domains").fill(OUR_DOMAIN);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor({ timeout: 30_000 });
  await page.close();
}
