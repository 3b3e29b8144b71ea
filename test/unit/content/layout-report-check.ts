import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { LayoutReportSource } from '../../../lib/content/layout-report';
import { GMAIL_SELECTORS } from '../../../lib/mail/gmail/selectors';
import { OUTLOOK_SELECTORS } from '../../../lib/mail/outlook/selectors';
import type { MailSite } from '../../../lib/mail/types';

/** What each site's content script hands the report (entrypoints/<site>.content.ts). */
export const SOURCES: Record<MailSite, LayoutReportSource> = {
  gmail: { table: GMAIL_SELECTORS, regions: ['main'] },
  outlook: { table: OUTLOOK_SELECTORS, regions: ['readingPane', 'messageList'] },
};

const DEFAULT_URL: Record<MailSite, string> = {
  gmail: 'https://mail.google.com/mail/u/0/#inbox',
  outlook: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM3ZmYAZS1kNzA5LTg1NmMtMDACLTAwCgAQAOk3Xx1rRb5Ho8Zq9n2Yb1s%3D',
};

const dirOf = (site: MailSite) => fileURLToPath(new URL(`../../fixtures/${site}/`, import.meta.url));

/** Every fixture page of the site, read from the folder now, so a page added later is covered too. */
export function fixturePages(site: MailSite): string[] {
  return readdirSync(dirOf(site)).filter((name) => name.endsWith('.html')).sort();
}

/** The page in a happy-dom window at the URL its first comment names (else the site's inbox); scripts are not run. */
export function openPage(site: MailSite, name: string): { doc: Document; url: string; close(): void } {
  const html = readFileSync(dirOf(site) + name, 'utf8');
  const url = /URL: (\S+)/.exec(html)?.[1] ?? DEFAULT_URL[site];
  return openHtml(html, url);
}

export function openHtml(html: string, url = DEFAULT_URL.gmail): { doc: Document; url: string; close(): void } {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(html);
  return { doc: win.document as unknown as Document, url, close: () => void win.happyDOM.close() };
}

/** Words as the check compares them: runs of letters and digits, in any script. */
export const tokensOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Attributes whose values may carry what a person wrote or who they are. */
const SENSITIVE = (name: string) => ['title', 'aria-label', 'email', 'name', 'href', 'id'].includes(name) || name.startsWith('data-');

export interface Secrets {
  /** Words of length ≥ 3 of the page's text and of its sensitive attributes' values. */
  words: Set<string>;
  /** Every address in the page's text or attributes. */
  addresses: Set<string>;
  /** Whole values of sensitive attributes (≥ 6 characters). */
  values: Set<string>;
  /**
   * What the page's structure itself names (tag names, class names, attribute names, role and
   * data-testid values): a report may show these, so a word equal to one is not counted.
   */
  structure: Set<string>;
}

/** What a report of `doc` must not contain. */
export function secretsOf(doc: Document): Secrets {
  const s: Secrets = { words: new Set(), addresses: new Set(), values: new Set(), structure: new Set() };
  const addWords = (text: string) => {
    for (const word of tokensOf(text)) if (word.length >= 3) s.words.add(word);
    for (const address of text.match(ADDRESS) ?? []) s.addresses.add(address);
  };
  const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    // A style sheet's or a script's text is the site's code, not what a person wrote.
    if (parent !== 'style' && parent !== 'script') addWords(node.textContent ?? '');
  }
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const token of tokensOf(el.localName)) s.structure.add(token);
    for (const name of Array.from(el.classList)) for (const token of tokensOf(name)) s.structure.add(token);
    for (const { name, value } of Array.from(el.attributes)) {
      for (const token of tokensOf(name)) s.structure.add(token);
      if (name === 'role' || name === 'data-testid') for (const token of tokensOf(value)) s.structure.add(token);
      else if (SENSITIVE(name)) {
        addWords(value);
        if (value.length >= 6) s.values.add(value);
      } else for (const address of value.match(ADDRESS) ?? []) s.addresses.add(address);
    }
  }
  return s;
}

/**
 * What of the page's secrets `report` shows: words compared as whole tokens, leaving out those the
 * page's structure names and those of `frame` (the report of an empty page with the same site,
 * URL, version and date: its header, entry names and route shape); addresses and whole values
 * anywhere in it.
 */
export function leaksIn(report: string, secrets: Secrets, frame: string): string[] {
  const allowed = new Set([...secrets.structure, ...tokensOf(frame)]);
  const reportTokens = new Set(tokensOf(report));
  const words = [...secrets.words].filter((word) => reportTokens.has(word) && !allowed.has(word));
  const addresses = [...secrets.addresses].filter((address) => report.includes(address));
  const values = [...secrets.values].filter((value) => report.includes(value) && !tokensOf(value).every((t) => allowed.has(t)));
  return [...words, ...addresses, ...values];
}
