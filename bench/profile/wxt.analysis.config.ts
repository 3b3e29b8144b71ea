import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'wxt';
import project from '../../wxt.config';

/**
 * The project's build with source maps, written outside `.output` so it never replaces the
 * extension others test: `npx wxt build -c bench/profile/wxt.analysis.config.ts`. Set
 * BENCH_UNMINIFIED=1 for readable function names in CPU profiles.
 */
export const ANALYSIS_OUT = '/tmp/bench-analysis-build';
const base = project as UserConfig;
const baseVite: NonNullable<UserConfig['vite']> = typeof base.vite === 'function' ? base.vite : () => ({});

export default defineConfig({
  ...base,
  root: resolve(import.meta.dirname, '../..'),
  outDir: process.env.BENCH_UNMINIFIED ? `${ANALYSIS_OUT}-unminified` : ANALYSIS_OUT,
  vite: async (env) => {
    const vite = await baseVite(env);
    // The project's own build options too (modulePreload), so what is measured is what ships.
    return { ...vite, build: { ...vite.build, sourcemap: true, ...(process.env.BENCH_UNMINIFIED ? { minify: false } : {}) } };
  },
});
