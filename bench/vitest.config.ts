import { defineConfig } from 'vitest/config';

// The benchmark's own pure logic: `npx vitest run --config bench/vitest.config.ts`.
export default defineConfig({ test: { include: ['bench/test/**/*.test.ts'], environment: 'node' } });
