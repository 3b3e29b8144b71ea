import type { Plugin } from 'vite';

/**
 * Each mail site's selector table (`lib/mail/<site>/selectors.ts`) says, beside every selector,
 * which fixture pages it must match (`fixtures`), what it is for (`purpose`) and where each
 * fallback was met (`seen`, `seenIn`). The tests read those; nothing does at run time, yet they
 * ship in the content script, whose size is budgeted. In the extension's build these properties
 * are blanked out of the tables (the fixture lists they name then go unused and are left out);
 * the selectors and their order are untouched. Tests import the tables from source, whole.
 */
const TABLE = /[\\/]lib[\\/]mail[\\/][^\\/]+[\\/]selectors\.ts$/;
const TEST_ONLY = new Set(['fixtures', 'purpose', 'seen', 'seenIn']);

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The spans of the test-only properties, each with its trailing comma; outermost ones only. */
function testOnlySpans(code: string, root: Node): [number, number][] {
  const spans: [number, number][] = [];
  const visit = (node: Node): void => {
    const key = node.key as Node | undefined;
    if (node.type === 'Property' && !node.computed && key?.type === 'Identifier' && TEST_ONLY.has(key.name as string)) {
      const comma = /^\s*,/.exec(code.slice(node.end));
      spans.push([node.start, node.end + (comma ? comma[0].length : 0)]);
      return;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.filter(isNode).forEach(visit);
      else if (isNode(value)) visit(value);
    }
  };
  visit(root);
  return spans;
}

const blank = (code: string, spans: readonly [number, number][]) => {
  let out = code;
  for (const [start, end] of spans) out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, ' ') + out.slice(end);
  return out;
};

/** Names the module uses (any identifier outside its imports but a property key or member name). */
function usedNames(node: Node, out: Map<string, number>): void {
  if (node.type === 'ImportDeclaration') return;
  if (node.type === 'Identifier') out.set(node.name as string, (out.get(node.name as string) ?? 0) + 1);
  for (const [field, value] of Object.entries(node)) {
    if ((field === 'key' && !node.computed) || (field === 'property' && node.type === 'MemberExpression' && !node.computed)) continue;
    if (Array.isArray(value)) value.filter(isNode).forEach((n) => usedNames(n, out));
    else if (isNode(value)) usedNames(value, out);
  }
}

/**
 * The spans of the module's own top-level constants and imports that nothing uses any more (the
 * fixture lists), so that they go too: a spread of an array is not known to be free of effects.
 */
function unusedSpans(program: Node): [number, number][] {
  const body = program.body as Node[];
  const uses = new Map<string, number>();
  usedNames(program, uses);
  const spans: [number, number][] = [];
  for (const statement of body) {
    if (statement.type === 'VariableDeclaration') {
      const names = (statement.declarations as Node[]).map((d) => d.id as Node);
      if (names.every((id) => id.type === 'Identifier' && uses.get(id.name as string) === 1)) spans.push([statement.start, statement.end]);
    } else if (statement.type === 'ImportDeclaration') {
      const locals = (statement.specifiers as Node[]).map((s) => (s.local as Node).name as string);
      if (locals.length > 0 && locals.every((name) => !uses.has(name))) spans.push([statement.start, statement.end]);
    }
  }
  return spans;
}

export function selectorTablesWithoutTestData(): Plugin {
  return {
    name: 'selector-tables-without-test-data',
    apply: 'build',
    transform(code, id) {
      if (!TABLE.test(id)) return null;
      const spans = testOnlySpans(code, this.parse(code) as unknown as Node);
      if (spans.length === 0) throw new Error(`${id}: no fixtures or purposes found; has the selector table's shape changed?`);
      // Blanked rather than cut, so every line and column stays where it was (source maps hold).
      let out = blank(code, spans);
      for (let round = 0; round < 10; round++) {
        const unused = unusedSpans(this.parse(out) as unknown as Node);
        if (unused.length === 0) break;
        out = blank(out, unused);
      }
      return { code: out, map: null };
    },
  };
}
