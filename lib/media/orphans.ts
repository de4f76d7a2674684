// Files without a row (PRODUCT.md §2.10, issue 7 crash safety). A file is stored before the row
// that names it is committed (upload.ts, process.ts), so a crash (SIGKILL, power cut) between the
// two leaves a file nothing refers to — possibly a sealed original of someone's testimony. This
// hourly sweep (lib/jobs/housekeeping.ts, also run when a server starts) deletes every stored file
// older than MEDIA_ORPHAN_MINUTES that no attachment row names. The age keeps files of uploads
// still in flight (stored, row not yet committed) out of reach.
import { inArray, or } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { Db } from '@/db/types';
import type { MediaStore } from './storage';

const batch = 500;

/** Deletes unreferenced files older than `olderThanMinutes`; returns how many. */
export async function sweepOrphanMedia(db: Db, store: MediaStore, olderThanMinutes: number): Promise<number> {
  if (!store.list) return 0; // a store that cannot list (none today) is swept by its own lifecycle rules
  const cutoff = Date.now() - olderThanMinutes * 60_000;
  let deleted = 0;
  let candidates: string[] = [];
  const flush = async () => {
    const keys = candidates;
    candidates = [];
    if (keys.length === 0) return;
    const rows = await db
      .select({ originalKey: attachments.originalKey, publicKey: attachments.publicKey })
      .from(attachments)
      .where(or(inArray(attachments.originalKey, keys), inArray(attachments.publicKey, keys)));
    const referenced = new Set(rows.flatMap((r) => [r.originalKey, r.publicKey]));
    for (const key of keys) {
      if (referenced.has(key)) continue;
      await store.delete(key);
      deleted++;
    }
  };
  for await (const { key, modifiedAt } of store.list()) {
    if (modifiedAt.getTime() > cutoff) continue;
    candidates.push(key);
    if (candidates.length >= batch) await flush();
  }
  await flush();
  return deleted;
}
