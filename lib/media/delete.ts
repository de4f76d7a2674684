// Files must not outlive their rows: deleting a testimony cascades to its attachment rows, which
// would leave the stored bytes (a sealed original, a public copy) behind with nothing pointing at
// them. Call `enqueueMediaDeletion` in the same transaction that deletes testimonies (draft purge,
// account deletion): it records the storage keys in a `media.delete` job that removes the files.
// Keys are random names, not personal data, so they may sit in the jobs table.
import { inArray } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { enqueue } from '@/lib/jobs/queue';
import type { JobHandler } from '@/lib/jobs/worker';
import { assertKey, mediaStore } from './storage';

export const deleteMediaKind = 'media.delete';

/** Queues the deletion of every stored file of these testimonies' attachments; returns how many. */
export async function enqueueMediaDeletion(tx: DbOrTx, testimonyIds: readonly string[]): Promise<number> {
  if (testimonyIds.length === 0) return 0;
  const rows = await tx
    .select({ originalKey: attachments.originalKey, publicKey: attachments.publicKey })
    .from(attachments)
    .where(inArray(attachments.testimonyId, [...testimonyIds]));
  const keys = rows.flatMap((r) => [r.originalKey, r.publicKey]).filter((k): k is string => k !== null);
  if (keys.length) await enqueue(tx, deleteMediaKind, { keys });
  return keys.length;
}

export const deleteMediaJob: JobHandler = async (payload) => {
  const keys = Array.isArray(payload.keys) ? payload.keys.filter((k): k is string => typeof k === 'string') : [];
  keys.forEach(assertKey);
  const store = await mediaStore();
  // Deleting a missing file is not an error, so a retried job finishes what it started.
  for (const key of keys) await store.delete(key);
};
