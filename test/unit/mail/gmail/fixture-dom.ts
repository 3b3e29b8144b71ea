import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { ReaderOptions } from '../../../../lib/mail/types';

/** Where the Gmail fixture pages live. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/gmail/', import.meta.url));

export function fixturePath(name: string): string {
  return `${FIXTURE_DIR}${name}`;
}

export function fixtureExists(name: string): boolean {
  return existsSync(fixturePath(name));
}

/** The URL each fixture was taken at (the first comment of the file says it). */
export function fixtureUrl(html: string): string {
  return /URL: (\S+)/.exec(html)?.[1] ?? 'https://mail.google.com/mail/u/0/#inbox';
}

/** A happy-dom window showing the fixture at its own URL (or `url`). Callers close it. */
export function openFixture(name: string, url?: string): Window {
  const html = readFileSync(fixturePath(name), 'utf8');
  const window = new Window({ url: url ?? fixtureUrl(html) });
  window.document.write(html);
  return window;
}

/** The signed-in user and company every fixture was written for. */
export const OURS: ReaderOptions = {
  ownAddresses: ['Me@OurCompany.example'],
  companyDomains: ['ourcompany.example'],
};
