import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
// Load loops, floods and crash harnesses (`*.heavy.integration.test.ts`) run only in `npm run test:security`.
const heavy = process.env.YADMAN_SECURITY_RUN === '1' ? [] : ['**/*.heavy.integration.test.ts'];
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
          globalSetup: ['lib/testing/pglite-snapshot.global-setup.ts'],
          exclude: ['node_modules/**', '.next/**', ...heavy],
          // Fixtures submit many testimonies per account, and calls made without a request count under
          // the one shared "unknown" address (lib/abuse/address.ts); lib/abuse/limits.security.integration.test.ts
          // checks the limits at whatever allowance is configured, and the production defaults.
          env: { LIMIT_SUBMISSION_ACCOUNT: '1000', LIMIT_SUBMISSION_ADDRESS: '1000' },
          // Each file creates its own databases (in-memory PGlite, a fresh PostgreSQL database).
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
