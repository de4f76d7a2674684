// Called once by instrumentation.ts when the Node.js server starts.
import { env } from './env.mjs';
import { encryptLegacyFields, encryptLegacyRedactions, encryptLegacyTestimonies, encryptLegacyTexts } from './testimonies/encrypt-legacy';
import { getDbHandle } from '../db/client';

/** Opens the database (applying migrations) and seeds the fictional demo data on demo instances. */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const { db, driver } = await getDbHandle();
  // Rows written before encryption at rest (migrations 0017, 0018, 0020, 0021) are encrypted before anything is served.
  const encrypted = await encryptLegacyTestimonies(db);
  const encryptedTexts = (await encryptLegacyTexts(db)) + (await encryptLegacyRedactions(db)) + (await encryptLegacyFields(db));
  let seeded = false;
  if (env().demoMode) {
    const { seedDemo } = await import('./seed/demo');
    seeded = (await seedDemo(db)).seeded;
  }
  // One line, no personal data, no connection string or path.
  console.info(
    `yadman: database ready (${driver}, migrated${encrypted ? `, ${encrypted} testimonies encrypted` : ''}${encryptedTexts ? `, ${encryptedTexts} messages, notes, redactions, places and credit names encrypted` : ''}${seeded ? ', demo data seeded' : ''}) in ${Date.now() - started} ms`,
  );
}
