import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const WORDED_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);
/** Text a user sees that is not a word of any language. */
const ALLOWED = new Set(['×', '·', '…', '—', '–', '→', '←', '▸', '▾', '+', '−']);
const hasLetters = (s: string) => /\p{L}/u.test(s);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []);
}

/** Literal words in JSX: text nodes, and string literals given to the worded attributes. */
export function hardCodedWords(source: string, name = 'x.tsx'): string[] {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const literalWords = (node: ts.Node | undefined): void => {
    if (!node) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasLetters(node.text)) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      if (parts.some(hasLetters)) found.push(node.getText(file));
    } else if (ts.isConditionalExpression(node)) {
      literalWords(node.whenTrue);
      literalWords(node.whenFalse);
    } else if (ts.isBinaryExpression(node)) {
      // What is shown: `a && 'x'` shows its right side, `a ?? 'x'`, `a || 'x'` and `a + 'x'` either;
      // a comparison (`kind === 'failed'`) shows neither.
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) literalWords(node.right);
      else if ([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(op)) {
        literalWords(node.left);
        literalWords(node.right);
      }
    } else if (ts.isParenthesizedExpression(node) || ts.isJsxExpression(node)) {
      literalWords(node.expression);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && hasLetters(text) && !ALLOWED.has(text)) found.push(text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      literalWords(node.expression);
    } else if (ts.isJsxAttribute(node) && WORDED_ATTRIBUTES.has(node.name.getText(file))) {
      literalWords(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.filter((s) => !ALLOWED.has(s.trim()));
}

describe('no hard-coded words in components', () => {
  it('finds what it should and lets t() calls and symbols through', () => {
    const source = `const A = () => <p title="Close" aria-label={t('x')} alt={busy ? 'Busy' : t('y')} placeholder={\`Type \${n}\`}>
      Hello {t('z')} {'world'} × {' · '} {n} {kind === 'failed' && 'Failed'}</p>;`;
    expect(hardCodedWords(source)).toEqual(['Close', 'Busy', '`Type ${n}`', 'Hello', 'world', 'Failed']);
  });

  it.each(tsxFiles(join(root, 'components')).map((f) => [relative(root, f), f]))('%s words everything through t()', (_name, path) => {
    expect(hardCodedWords(readFileSync(path, 'utf8'), path)).toEqual([]);
  });
});
