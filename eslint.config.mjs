import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import { layers } from './scripts/eslint/layers-rule.mjs';
import { sqlRawConstant } from './scripts/eslint/sql-raw-rule.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // A delete or update without `where` would touch every row: memorial records are irreplaceable.
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No raw SQL built from request data (issue 7; scripts/eslint/sql-raw-rule.mjs).
    plugins: { yadman: { rules: { 'sql-raw-constant': sqlRawConstant, layers } } },
    rules: { 'yadman/sql-raw-constant': 'error' },
  },
  {
    // Only the data layer opens the database (issue 24; scripts/eslint/layers-rule.mjs): routes,
    // components, proxy.ts and instrumentation.ts call data functions through withDb (lib/db.ts).
    // e2e/ may: its security fixtures write hostile rows straight into the database, below the
    // forms that would refuse them (e2e/security/seed-payloads.ts), and open a second handle to
    // check what a crawl left behind (e2e/security/get-pages.heavy.e2e.ts).
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['lib/**', 'db/**', 'scripts/**', 'e2e/**'],
    rules: { 'yadman/layers': ['error', { forbid: ['db'], message: 'only lib/, db/ and scripts/ import the database; call the data function through withDb (@/lib/db)' }] },
  },
  {
    // The schema and the connection do not depend on the domain layer (issue 24): what the schema
    // needs lives in db/ (db/expressions, db/province-codes.ts); start-up and seeds live in lib/.
    // lib/env.mjs is the process configuration (the connection string), not domain code.
    files: ['db/**'],
    rules: { 'yadman/layers': ['error', { forbid: ['lib'], allow: ['lib/env.mjs'], message: 'db/ does not import lib/: move what the schema needs into db/' }] },
  },
  {
    // db/'s own tests open their databases with the test support (lib/testing).
    files: ['db/**/*.test.ts'],
    rules: { 'yadman/layers': ['error', { forbid: ['lib'], allow: ['lib/env.mjs', 'lib/testing'], message: 'db/ does not import lib/ (tests: lib/testing only)' }] },
  },
  {
    // Browser code builds zod schemas only through lib/validation/zod.ts, configured so that zod
    // never probes eval (a CSP violation on every page with a form).
    files: ['lib/validation/**', 'components/**'],
    ignores: ['lib/validation/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import z from '@/lib/validation/zod' (configured for the CSP).", allowTypeImports: true }] },
      ],
    },
  },
  {
    // Components never import app/: a form gets its server action as a prop from its page
    // (components/forms/action-state.ts `FormAction`), so the arrows run from routes to components.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@/app|(\\.\\./)+app)(/|$)', message: 'Components do not import app/: the page passes the server action as a prop (FormAction).' }] },
      ],
    },
  },
  globalIgnores(['.next/**', '.next-*/**', 'node_modules/**', '.data/**', '.data-*/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**']),
]);
