import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project's imports run one way: no module reaches itself again through its imports, and the
 * server's store (below HTTP) never imports the HTTP layer or the routes above it.
 *
 * Type-only imports count too: a loop of types still ties two modules into one, and it is how
 * loops through re-exports start. Tests are left out; they may import anything.
 */
const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['lib', 'components', 'entrypoints', 'server'];
const SKIP = /(^|\/)(test|node_modules|\.output|\.wxt)(\/|$)|\.test\.tsx?$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIP.test(relative(ROOT, path))) continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// `import x from '…'`, `import type { a } from '…'`, `export { a } from '…'`, `export * from '…'`,
// `import '…'`, `import('…')`.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    const target = resolveModule(dirname(file), spec);
    if (target) found.push(target);
  }
  return found;
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(from, spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const files = FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)));
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the import graph', () => {
  it('reads the project: hundreds of modules and their imports', () => {
    expect(files.length).toBeGreaterThan(200);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toHaveLength(1);
    expect(cycles(new Map([[a, [b]], [b, []]]))).toEqual([]);
  });

  it('keeps server/store below server/http and server/routes', () => {
    const upward = files
      .filter((f) => relative(ROOT, f).startsWith('server/store/'))
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => /^server\/(http|routes)\//.test(relative(ROOT, t))).map((t) => `${relative(ROOT, f)} → ${relative(ROOT, t)}`));
    expect(upward).toEqual([]);
  });
});
