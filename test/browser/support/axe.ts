import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/** One rule axe-core found broken, with where (CSS paths of at most a few nodes). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let source: Promise<string> | undefined;
const axeSource = () => (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * Runs axe-core over a page or frame, for WCAG 2.x A and AA (contrast included). The script is
 * evaluated through the DevTools protocol, so an extension page's CSP (scripts from 'self' only)
 * does not stop it, and nothing is added to the extension for testing.
 */
export async function axeViolations(target: Page | Frame, selector?: string): Promise<AxeViolation[]> {
  const code = await axeSource();
  await target.evaluate(`${code}\n;undefined`);
  return target.evaluate(async (within) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(within ? { include: [within] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  }, selector ?? null);
}

/** Violations as lines a failing test prints. */
export const describeViolations = (violations: readonly AxeViolation[]): string =>
  violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.join(', ')}`).join('\n');
