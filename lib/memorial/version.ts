// The public data version (db/schema/public-data.ts): bumped by database triggers in the same
// transaction as any change the public can see, read by every instance before it reads a cache.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { publicDataVersion } from '@/db/schema';

/** One primary-key read; 0 on a database whose row is missing (never expected after migrations). */
export async function readPublicDataVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ version: publicDataVersion.version }).from(publicDataVersion).where(eq(publicDataVersion.id, 1));
  return Number(row?.version ?? 0);
}
