// `npm run db:seed -- --demo`: adds the fictional demo collection, content and demo accounts.
// Does nothing if any collection already exists.
import { closeDb, getDb } from '../db/client';
import { seedDemo } from '../lib/seed/demo';

if (!process.argv.includes('--demo')) {
  console.error('usage: npm run db:seed -- --demo   (the only seed is the fictional demo data)');
  process.exit(2);
}
try {
  const result = await seedDemo(await getDb());
  console.info(
    result.seeded
      ? `demo data seeded: ${result.persons} persons, ${result.testimonies} testimonies, 3 demo accounts`
      : 'a collection already exists; nothing seeded',
  );
} finally {
  await closeDb();
}
