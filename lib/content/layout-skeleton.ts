/**
 * The shape of a part of a mail page with nothing a person wrote in it: per element its tag, its
 * class names and the names of its attributes, never a text or an attribute's value (except a
 * `role` and a `data-testid` that look like the site's own vocabulary). A bug report can carry it
 * without carrying mail. Runs of siblings of the same shape are written once with their count.
 */

/** The most a skeleton holds; a deeper or larger page is cut, and the cut is said. */
export const SKELETON_LIMITS = { depth: 40, elements: 20_000 } as const;

// What may be copied as it is: tokens that look like a site's own names, not like a person's
// words or ids (no '@', no run of more than 3 digits, at most 40 characters).
const SAFE_TOKEN = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/;
const DIGIT_RUN = /\d{4}/;
const TAG = /^[a-z][a-z0-9-]{0,40}$/;
const ROLE = /^[a-z]{1,30}$/;
/** Attributes whose presence (never their value) says what the site's readers look for. */
const PRESENCE = /^(?:aria-[a-z]{1,30}|data-[a-z0-9_-]{1,40}|email|id|title|href|name)$/;
/** Elements with no structure worth a line inside them, or none we may read. */
const OPAQUE = new Set(['svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'math']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

export const isSafeToken = (token: string): boolean => SAFE_TOKEN.test(token) && !DIGIT_RUN.test(token);

/** One element as a CSS-like line: `div.zA[role="row"][data-testid="x"][aria-label][email]`. */
export function describeElement(el: Element): string {
  const tag = TAG.test(el.localName) ? el.localName : 'unknown-tag';
  const classes = Array.from(el.classList).filter(isSafeToken).map((c) => `.${c}`).join('');
  const role = el.getAttribute('role');
  const testId = el.getAttribute('data-testid');
  let attrs = '';
  if (role !== null) attrs += ROLE.test(role) ? `[role="${role}"]` : '[role]';
  if (testId !== null) attrs += isSafeToken(testId) ? `[data-testid="${testId}"]` : '[data-testid]';
  const names = Array.from(el.attributes, (a) => a.name.toLowerCase())
    .filter((name) => name !== 'role' && name !== 'data-testid' && PRESENCE.test(name) && !DIGIT_RUN.test(name))
    .sort();
  return tag + classes + attrs + names.map((name) => `[${name}]`).join('');
}

interface Walk { elements: number; cut: boolean }

/** The element's lines and those of what it holds, indented one step a level. */
function linesOf(el: Element, depth: number, walk: Walk): string[] {
  walk.elements += 1;
  const own = describeElement(el);
  if (OPAQUE.has(el.localName)) return [own];
  if (depth >= SKELETON_LIMITS.depth) {
    if (el.firstElementChild) walk.cut = true;
    return [own];
  }
  const lines = [own];
  let run: { body: string[]; key: string; count: number } | null = null;
  const flush = () => {
    if (!run) return;
    const [head = '', ...rest] = run.body;
    lines.push(`  ${head}${run.count > 1 ? ` ×${run.count}` : ''}`, ...rest.map((line) => `  ${line}`));
  };
  for (const child of Array.from(el.children)) {
    if (SKIPPED.has(child.localName) || child.hasAttribute('data-crm-overlay')) continue;
    if (walk.elements >= SKELETON_LIMITS.elements) {
      walk.cut = true;
      break;
    }
    const body = linesOf(child, depth + 1, walk);
    const key = body.join('\n');
    if (run && run.key === key) run.count += 1;
    else {
      flush();
      run = { body, key, count: 1 };
    }
  }
  flush();
  return lines;
}

/** The skeleton of `root` and everything in it, and whether a limit cut it short. */
export function skeletonOf(root: Element): { lines: string[]; cut: boolean } {
  const walk: Walk = { elements: 0, cut: false };
  const lines = linesOf(root, 0, walk);
  return { lines, cut: walk.cut };
}
