// Runs once when the Next.js server starts: opens the database (applying migrations) and, on demo
// instances, seeds the fictional demo data. Server modules are imported inside `register` so the
// Edge bundle never pulls in the database drivers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./lib/env.mjs');
  const { getDbHandle } = await import('./db/client');
  const started = Date.now();
  const { db, driver } = await getDbHandle();
  let seeded = false;
  if (env().demoMode) {
    const { seedDemo } = await import('./db/seed/demo');
    seeded = (await seedDemo(db)).seeded;
  }
  // One line, no personal data, no connection string or path.
  console.info(
    `yadman: database ready (${driver}, migrated${seeded ? ', demo data seeded' : ''}) in ${Date.now() - started} ms`,
  );
}
