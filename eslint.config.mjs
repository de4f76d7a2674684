import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import { sqlRawConstant } from './lib/security/sql-raw-rule.mjs';

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
    // No raw SQL built from request data (issue 7; lib/security/sql-raw-rule.mjs).
    plugins: { yadman: { rules: { 'sql-raw-constant': sqlRawConstant } } },
    rules: { 'yadman/sql-raw-constant': 'error' },
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
