import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * zod's JSON Schema output (`toJSONSchema`, `~standard.jsonSchema`) is referenced from every
 * classic schema's constructor, so no bundler can shake it out, yet only the server's OpenAPI
 * document uses it (lib/api/openapi.ts, never in the extension). In the extension build its
 * modules (about 4.8 KB gzip in the sidebar's first load, 4.9 KB in the worker) are replaced by ones
 * exporting the same names, each throwing when called; parsing is untouched. The derived bounds of
 * a schema (`.minLength`, `.maxValue`, `.isInt`, `.format`) come from the same modules and throw
 * too: nothing in the extension reads them.
 */
const LEFT_OUT = /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
const PREFIX = '\0zod-json-schema-left-out:';

// Called when a schema's `~standard` is read (the method is made then, used only when called).
const MAKE_METHOD = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);

function stubOf(file: string): string {
  const source = readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|function|class)\s+([\w$]+)/g)) names.add(m[1] as string);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] as string).split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  const lines = [...names].map((name) => `export const ${name} = ${MAKE_METHOD.has(name) ? '() => leftOut' : 'leftOut'};`);
  return [
    "function leftOut() { throw new Error('JSON Schema is left out of the extension build (build/zod-without-json-schema.ts)'); }",
    ...lines,
  ].join('\n');
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'zod-without-json-schema',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]zod[\\/]/.test(importer) || !/json-schema/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && LEFT_OUT.test(resolved.id) ? PREFIX + resolved.id : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? stubOf(id.slice(PREFIX.length)) : null;
    },
  };
}
