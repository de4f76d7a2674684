// The `media.process` job: turns a received (sealed) original into its public-safe derivative.
// Runs in the job worker, never in the upload request. Invariants (PRODUCT.md principle 4):
// - a derivative exists only if its metadata was provably removed (sharp re-encode, ffmpeg strip);
// - without one (no ffmpeg, PDF) the file stays moderators-only with metadata_removed = false,
//   which the database's check constraint forbids from ever becoming public;
// - the original is deleted once the derivative exists, unless the submitter asked to keep it.
import { and, eq } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { Db } from '@/db/types';
import { openSealedBuffer, sealPurposes } from '@/lib/crypto/secret-box';
import { PermanentJobError, type JobHandler } from '@/lib/jobs/worker';
import { mediaExtension, stripContainerMetadata } from './ffmpeg';
import { reencodeImage, type Derivative } from './image';
import { mediaStore, newKey } from './storage';

export const processAttachmentKind = 'media.process';

type Row = typeof attachments.$inferSelect;

/** The derivative of these bytes; null when this machine cannot make a metadata-free one. */
async function makeDerivative(original: Buffer, row: Row): Promise<Derivative | null> {
  if (row.kind === 'image') return reencodeImage(original, row.mime);
  if (row.kind === 'video' || row.kind === 'audio') {
    const bytes = await stripContainerMetadata(original, row.mime);
    return bytes && { bytes, mime: row.mime, extension: mediaExtension(row.mime) };
  }
  return null; // PDF: no tool here removes its metadata reliably
}

export const processAttachmentJob: JobHandler = async (payload, { db }) => {
  const id = typeof payload.attachmentId === 'string' ? payload.attachmentId : '';
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row || !row.originalKey) throw new PermanentJobError('attachment gone');
  if (row.status !== 'processing') return; // already done by an earlier attempt
  await processAttachment(db, row, row.originalKey);
};

async function processAttachment(db: Db, row: Row, originalKey: string) {
  const store = await mediaStore();
  const original = openSealedBuffer(await store.getBuffer(originalKey), sealPurposes.mediaOriginal);

  let derivative: Derivative | null;
  try {
    derivative = await makeDerivative(original, row);
  } catch {
    // Undecodable bytes (corrupt, disguised, HEIC without a decoder): refused, and nothing kept
    // unless the submitter asked for the original.
    await finish(db, row, { status: 'refused', originalKey: row.keepOriginal ? originalKey : null });
    if (!row.keepOriginal) await store.delete(originalKey);
    return;
  }

  if (!derivative) {
    // Flagged: the sealed original is the only copy, for moderators; it can never be published.
    await finish(db, row, { status: 'ready', metadataRemoved: false, visibility: 'moderators' });
    return;
  }

  const publicKey = newKey('public', derivative.extension);
  await store.put(publicKey, derivative.bytes);
  await finish(db, row, {
    status: 'ready',
    publicKey,
    publicMime: derivative.mime,
    metadataRemoved: true,
    originalKey: row.keepOriginal ? originalKey : null,
  });
  // Deleted after the row stops pointing at it: a crash here leaves an orphan, never a dangling key.
  if (!row.keepOriginal) await store.delete(originalKey);
}

async function finish(db: Db, row: Row, values: Partial<typeof attachments.$inferInsert>) {
  await db
    .update(attachments)
    .set(values)
    .where(and(eq(attachments.id, row.id), eq(attachments.status, 'processing')));
}
