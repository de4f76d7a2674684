// Receiving an upload (the data function behind the `attachment.upload` action). Checks, in order:
// the testimony is the viewer's own and still editable (else not_found, as for an unknown id);
// the bytes are an accepted type (magic numbers); the size is within the kind's limit. The bytes
// are then hashed (SHA-256 of exactly what was received) and sealed on their way to storage, so
// no original is ever at rest in the clear; the row and its processing job commit together.
import 'server-only';
import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { and, eq, inArray } from 'drizzle-orm';
import { attachments, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { checkAccess } from '@/lib/authz/access';
import { createSealStream, sealPurposes } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs/queue';
import { isUuid } from '@/lib/memorial/visibility';
import { heicDecodable } from './image';
import { isWithinLimit, sizeLimitBytes } from './limits';
import { processAttachmentKind } from './process';
import { sniff, sniffLength } from './sniff';
import { mediaStore, newKey } from './storage';

/** Testimonies a submitter may still add files to. */
export const editableStatuses = ['draft', 'changes_requested'] as const;

export type UploadInput = { testimonyId: string; file: Blob; caption?: string; keepOriginal: boolean };

/** Throws `not_found` unless `testimonyId` is the viewer's own testimony in an editable state. */
export async function assertOwnEditableTestimony(db: Db, viewer: Viewer, testimonyId: string): Promise<void> {
  checkAccess(viewer, { permission: 'testimony.submit' });
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  const [row] = await db
    .select({ id: testimonies.id })
    .from(testimonies)
    .where(
      and(
        eq(testimonies.id, testimonyId),
        eq(testimonies.submitterId, viewer.userId),
        inArray(testimonies.status, [...editableStatuses]),
      ),
    );
  if (!row) throw new AppError('not_found');
}

export async function receiveUpload(db: Db, viewer: Viewer, input: UploadInput): Promise<{ id: string }> {
  await assertOwnEditableTestimony(db, viewer, input.testimonyId);
  if (input.file.size === 0) throw fieldError('fileMissing');
  const type = sniff(new Uint8Array(await input.file.slice(0, sniffLength).arrayBuffer()));
  if (!type) throw fieldError('fileTypeRefused');
  if (type.mime === 'image/heic' && !heicDecodable()) throw fieldError('heicUnsupported');
  if (!isWithinLimit(type.kind, input.file.size)) throw fieldError(`fileTooLarge.${type.kind}`);

  const store = await mediaStore();
  const originalKey = newKey('originals');
  const hash = createHash('sha256');
  let size = 0;
  const limit = sizeLimitBytes(type.kind);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      // The declared size is the client's word; count what really arrives.
      if (size > limit) return done(fieldError(`fileTooLarge.${type.kind}`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = Readable.fromWeb(input.file.stream() as WebReadableStream<Uint8Array>);
  // pipeline() (not .pipe()) so an over-size or broken upload destroys every stage with the error.
  const sealed = pipeline(source, measure, createSealStream(sealPurposes.mediaOriginal), () => {});
  try {
    await store.put(originalKey, sealed);
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(attachments)
        .values({
          testimonyId: input.testimonyId,
          uploadedBy: viewer.userId,
          kind: type.kind,
          mime: type.mime,
          sizeBytes: size,
          sha256: hash.digest('hex'),
          originalKey,
          keepOriginal: input.keepOriginal,
          caption: input.caption?.trim() || null,
        })
        .returning({ id: attachments.id });
      await enqueue(tx, processAttachmentKind, { attachmentId: row!.id });
      return { id: row!.id };
    });
  } catch (error) {
    await store.delete(originalKey);
    throw error;
  }
}

/** A refusal shown beside the file input; the key is under the `Media` catalogue namespace. */
function fieldError(key: string) {
  return new AppError('invalid_input', { fieldErrors: { file: key } });
}
