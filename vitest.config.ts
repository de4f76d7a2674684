import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React Server Components; tests import server modules directly.
      'server-only': path.join(root, 'lib/testing/server-only-stub.ts'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', '.next/**'],
          // Each file creates its own databases (in-memory PGlite, a fresh PostgreSQL database).
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
