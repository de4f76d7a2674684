// Called once by instrumentation.ts when the Node.js server starts.
import { env } from '../lib/env.mjs';
import { getDbHandle } from './client';

/** Opens the database (applying migrations) and seeds the fictional demo data on demo instances. */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const { db, driver } = await getDbHandle();
  let seeded = false;
  if (env().demoMode) {
    const { seedDemo } = await import('./seed/demo');
    seeded = (await seedDemo(db)).seeded;
  }
  // One line, no personal data, no connection string or path.
  console.info(
    `yadman: database ready (${driver}, migrated${seeded ? ', demo data seeded' : ''}) in ${Date.now() - started} ms`,
  );
}
