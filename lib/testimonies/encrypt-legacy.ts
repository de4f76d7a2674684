// Data migration for encryption at rest (migration 0017): testimonies written before it hold
// their draft and narratives in plaintext with `data_key` null. `prepareDatabase` (db/startup.ts)
// runs this when the server starts; each testimony is converted in its own short transaction, so
// several instances starting together share the work without encrypting anything twice.
// PostgreSQL keeps the old row versions until VACUUM: run `VACUUM FULL testimonies,
// testimony_revisions` afterwards to drop the plaintext from the files (README, Backups).
import { isNull } from 'drizzle-orm';
import { testimonies } from '../../db/schema';
import type { Db } from '../../db/types';
import { encryptTestimony } from './sealed';

const batch = 200;

/** Encrypts every plaintext testimony; returns how many were converted. */
export async function encryptLegacyTestimonies(db: Db): Promise<number> {
  let converted = 0;
  for (;;) {
    const rows = await db.select({ id: testimonies.id }).from(testimonies).where(isNull(testimonies.dataKey)).limit(batch);
    for (const row of rows) await db.transaction((tx) => encryptTestimony(tx, row.id));
    converted += rows.length;
    if (rows.length < batch) return converted;
  }
}
