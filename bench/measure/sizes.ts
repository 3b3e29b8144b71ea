import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUILT = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * The goal for the sidebar's first load, gzip: its code and styles and the one messages.json it
 * reads before its first render, the largest language's (the figure `sidebarFirstLoad`).
 */
export const SIDEBAR_FIRST_LOAD_GOAL = 60 * 1024;

export interface BundleSize {
  /** The built files counted, relative to the extension's folder. */
  files: string[];
  bytes: number;
  /** Sum of each file gzipped on its own at level 9. */
  gzip: number;
}

export interface Sizes {
  /** Gmail's content script (the figure tracked since the start). */
  contentScript: BundleSize;
  outlookContentScript: BundleSize;
  /** What sidebar.html loads before its first render, but its messages: see `sidebarFiles`. */
  sidebar: BundleSize;
  /**
   * The one `_locales/<language>/messages.json` the sidebar also reads before its first render
   * (lib/i18n.ts), per language.
   */
  sidebarMessages: Record<string, BundleSize>;
  /**
   * Everything the sidebar reads before its first render in the language whose messages are the
   * largest: `sidebar`'s files and that messages.json. What `SIDEBAR_FIRST_LOAD_GOAL` judges.
   */
  sidebarFirstLoad: BundleSize;
  background: BundleSize;
}

function measure(root: string, files: readonly string[]): BundleSize {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(join(root, file));
    bytes += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { files: [...files], bytes, gzip };
}

/** Static imports of a built module (`import … from "./x.js"`, `import "./x.js"`), as paths from `root`. */
function staticImports(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const spec = match[1] ?? '';
    out.push(spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec));
  }
  return out;
}

/**
 * What sidebar.html loads before it can show anything: its module script and stylesheets and
 * every module those import statically (shared chunks included); dynamic imports are left out.
 */
export function sidebarFiles(root = BUILT): string[] {
  const html = readFileSync(join(root, 'sidebar.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const queue = [...refs];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const file = queue[i] as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(root, file));
  }
  return [...seen].sort();
}

/** Sizes of the built extension in `.output/chrome-mv3` (run `npm run build` first). */
export function measureSizes(root = BUILT): Sizes {
  const sidebar = sidebarFiles(root);
  const messages = readdirSync(join(root, '_locales')).sort()
    .map((language) => [language, measure(root, [`_locales/${language}/messages.json`])] as const);
  const largest = messages.reduce<BundleSize | null>((top, [, size]) => (top === null || size.gzip > top.gzip ? size : top), null);
  return {
    contentScript: measure(root, ['content-scripts/gmail.js']),
    outlookContentScript: measure(root, ['content-scripts/outlook.js']),
    sidebar: measure(root, sidebar),
    sidebarMessages: Object.fromEntries(messages),
    sidebarFirstLoad: measure(root, [...sidebar, ...(largest?.files ?? [])]),
    background: measure(root, ['background.js']),
  };
}
