import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied by the app's own migrator (db/client.ts), because
// `drizzle-kit migrate` silently does nothing on PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
  strict: true,
  verbose: true,
});
