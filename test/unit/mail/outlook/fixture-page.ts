import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { Box, Measure } from '../../../../lib/mail/outlook/layout';

/** Where the Outlook fixture pages live. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/outlook/', import.meta.url));

export function fixtureExists(name: string): boolean {
  return existsSync(FIXTURE_DIR + name);
}

export function fixtureHtml(name: string): string {
  return readFileSync(FIXTURE_DIR + name, 'utf8');
}

export interface FixturePage {
  doc: Document;
  win: Window;
  close(): void;
}

/** Opens a fixture page in its own happy-dom window at `url` (scripts and styles are not run). */
export function openFixture(name: string, url = 'https://outlook.office.com/mail/'): FixturePage {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(fixtureHtml(name));
  // happy-dom's Document implements the DOM the readers use; its own type differs from lib.dom's.
  const doc = win.document as unknown as Document;
  return { doc, win, close: () => void win.happyDOM.close() };
}

/**
 * happy-dom does no layout, so each fixture records the boxes of its list and reading pane, as
 * seen on the page it was modelled on, in `data-fixture-rect="left,top,width,height"`.
 */
export const fixtureMeasure: Measure = (el) => {
  const [left = 0, top = 0, width = 0, height = 0] = (el.getAttribute('data-fixture-rect') ?? '').split(',').map(Number);
  const box: Box = { left, top, width, height };
  return box;
};
