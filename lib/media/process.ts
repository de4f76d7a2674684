// The `media.process` job: turns a received (sealed) original into its public-safe derivative.
// Runs in the job worker, never in the upload request. Invariants (PRODUCT.md principle 4):
// - a derivative exists only if its metadata was provably removed (sharp re-encode, ffmpeg strip);
// - without one (no ffmpeg, PDF) the file stays moderators-only with metadata_removed = false,
//   which the database's check constraint forbids from ever becoming public;
// - the original is deleted once the derivative exists, unless the submitter asked to keep it.
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { and, eq } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { Db } from '@/db/types';
import { PermanentJobError, type JobHandler } from '@/lib/jobs/worker';
import { mediaExtension, stripContainerMetadata } from './ffmpeg';
import { reencodeImage, type Derivative } from './image';
import { openOriginal } from './original-key';
import { mediaStore, newKey } from './storage';
import { withTempDir } from './temp';

export const processAttachmentKind = 'media.process';

type Row = typeof attachments.$inferSelect;

/** The derivative of the original at `source`; null when this machine cannot make a metadata-free one. */
async function makeDerivative(source: string, row: Row, dir: string): Promise<Derivative | null> {
  if (row.kind === 'image') return reencodeImage(source, row.mime, dir);
  if (row.kind === 'video' || row.kind === 'audio') {
    const stripped = await stripContainerMetadata(source, row.mime, dir);
    return stripped ? { path: stripped, mime: row.mime, extension: mediaExtension(row.mime) } : null;
  }
  return null; // PDF: no tool here removes its metadata reliably
}

export const processAttachmentJob: JobHandler = async (payload, { db }) => {
  const id = typeof payload.attachmentId === 'string' ? payload.attachmentId : '';
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) return; // removed by its submitter meanwhile; its files were queued for deletion
  if (!row.originalKey) throw new PermanentJobError('original gone');
  if (row.status !== 'processing') return; // already done by an earlier attempt
  await withTempDir((dir) => processAttachment(db, row, row.originalKey!, dir));
};

// The original is opened (streamed, authenticated at its end) into a private temporary file and
// processed from there, so a large video is never held in memory.
async function processAttachment(db: Db, row: Row, originalKey: string, dir: string) {
  const store = await mediaStore();
  const source = path.join(dir, 'original');
  await pipeline(await store.getStream(originalKey), openOriginal(row), createWriteStream(source, { mode: 0o600 }));

  let derivative: Derivative | null;
  try {
    derivative = await makeDerivative(source, row, dir);
  } catch {
    // Undecodable bytes (corrupt, disguised, HEIC without a decoder): refused, and nothing kept
    // unless the submitter asked for the original.
    await finish(db, row, { status: 'refused', ...(row.keepOriginal ? {} : shredded) });
    if (!row.keepOriginal) await store.delete(originalKey);
    return;
  }

  if (!derivative) {
    // Flagged: the sealed original is the only copy, for moderators; it can never be published.
    await finish(db, row, { status: 'ready', metadataRemoved: false, visibility: 'moderators' });
    return;
  }

  const publicKey = newKey('public', derivative.extension);
  await store.put(publicKey, createReadStream(derivative.path));
  const recorded = await finish(db, row, {
    status: 'ready',
    publicKey,
    publicMime: derivative.mime,
    metadataRemoved: true,
    ...(row.keepOriginal ? {} : shredded),
  });
  // The row went while we worked (the submitter removed the file): its copy must not stay behind.
  if (!recorded) return store.delete(publicKey);
  // Deleted after the row stops pointing at it: a crash here leaves an orphan, never a dangling key.
  if (!row.keepOriginal) await store.delete(originalKey);
}

/** An original not kept goes with its key (crypto-shredding: a stray copy cannot be opened). */
const shredded = { originalKey: null, dataKey: null };

/** Whether the row was still there, processing, to record the result. */
async function finish(db: Db, row: Row, values: Partial<typeof attachments.$inferInsert>): Promise<boolean> {
  const updated = await db
    .update(attachments)
    .set(values)
    .where(and(eq(attachments.id, row.id), eq(attachments.status, 'processing')))
    .returning({ id: attachments.id });
  return updated.length > 0;
}
