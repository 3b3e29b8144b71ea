import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureSizes, sidebarFiles } from '../measure/sizes';

// A built extension in miniature: the sidebar page, its static and dynamic imports, and two languages.
const root = mkdtempSync(join(tmpdir(), 'sizes-'));
const files: Record<string, string> = {
  'sidebar.html': '<script type="module" src="/chunks/sidebar.js"></script><link rel="stylesheet" href="/assets/sidebar.css">',
  'chunks/sidebar.js': 'import{a}from"./shared.js";const later=()=>import("./later.js");a(later)',
  'chunks/shared.js': 'export const a=(f)=>f',
  'chunks/later.js': `export const big=${JSON.stringify('x'.repeat(5000))}`,
  'assets/sidebar.css': 'body{margin:0}',
  'content-scripts/gmail.js': 'gmail()',
  'content-scripts/outlook.js': 'outlook()',
  'background.js': 'worker()',
  '_locales/en/messages.json': JSON.stringify({ hello: { message: 'Hello' } }),
  '_locales/ru/messages.json': JSON.stringify({ hello: { message: 'Здравствуйте, это длиннее' } }),
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));
const gzip = (...names: string[]) => names.reduce((sum, name) => sum + gzipSync(files[name] ?? '', { level: 9 }).length, 0);

describe('the sidebar first load', () => {
  it('follows static imports only', () => {
    expect(sidebarFiles(root)).toEqual(['assets/sidebar.css', 'chunks/shared.js', 'chunks/sidebar.js']);
  });

  it('counts the largest language\'s messages with the code', () => {
    const sizes = measureSizes(root);
    const code = gzip('assets/sidebar.css', 'chunks/shared.js', 'chunks/sidebar.js');
    expect(sizes.sidebar.gzip).toBe(code);
    expect(sizes.sidebarMessages.ru?.gzip).toBeGreaterThan(sizes.sidebarMessages.en?.gzip ?? Infinity);
    expect(sizes.sidebarFirstLoad.files).toContain('_locales/ru/messages.json');
    expect(sizes.sidebarFirstLoad.gzip).toBe(code + gzip('_locales/ru/messages.json'));
  });
});
