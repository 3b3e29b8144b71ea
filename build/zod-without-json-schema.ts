import type { Plugin } from 'vite';

/**
 * zod's JSON Schema output (`toJSONSchema`, `~standard.jsonSchema`) is referenced from every
 * classic schema's constructor, so no bundler can shake it out, yet only the server's OpenAPI
 * document uses it (lib/api/openapi.ts, never in the extension). In the extension build its two
 * modules (about 4.6 KB gzip in the sidebar's first load, the same in the worker) are replaced by
 * one that throws when asked for JSON Schema; parsing is untouched. The derived bounds of a schema
 * (`.minLength`, `.maxValue`, `.isInt`, `.format`) are computed by the same module and throw too:
 * nothing in the extension reads them.
 */
const LEFT_OUT = /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
const STUB = '\0zod-json-schema-left-out';

const SOURCE = `
const leftOut = () => { throw new Error('JSON Schema is left out of the extension build (build/zod-without-json-schema.ts)'); };
export const createToJSONSchemaMethod = () => leftOut;
export const createStandardJSONSchemaMethod = () => leftOut;
export const toJSONSchema = leftOut;
export const aggregateChecks = leftOut;
export const allProcessors = {};
export class JSONSchemaGenerator { constructor() { leftOut(); } }
`;

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'zod-without-json-schema',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]zod[\\/]/.test(importer) || !/json-schema/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && LEFT_OUT.test(resolved.id) ? STUB : null;
    },
    load(id) {
      return id === STUB ? SOURCE : null;
    },
  };
}
