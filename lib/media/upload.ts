// Receiving an upload (behind the multipart route and the resumable tus route). The bytes arrive
// in a private temporary file (never whole in memory); this checks, in order: the testimony is the
// viewer's own and still editable (else not_found, as for an unknown id); the first bytes are an
// accepted type; the size is within the kind's limit. The file is then read once: hashed (SHA-256
// of exactly what was received) and sealed on its way to storage, so no original is ever at rest
// in the clear outside the temporary folder; the row, its processing job and the audit entry
// commit together.
import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { attachments, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import { consumeLimit } from '@/lib/abuse/limits';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs/queue';
import { isUuid } from '@/lib/validation/uuid';
import { checkHead, checkSize, uploadRefusal } from './intake';
import { sealNewOriginal } from './original-key';
import { processAttachmentKind } from './process';
import { sniffLength } from './sniff';
import { mediaStore, newKey } from './storage';

/** Testimonies a submitter may still add files to. */
export const editableStatuses = ['draft', 'changes_requested'] as const;

/**
 * `path`: the received bytes in a temporary file that the caller owns (and removes).
 * `countFor`: the upload allowance (per account and hashed address) is taken in the transaction
 * that stores the file, so a post that fails (crash, lost connection) or repeats a file already
 * received costs nothing; the tus route counts when an upload is created instead (a resumed
 * upload is not created again).
 */
export type UploadInput = { testimonyId: string; path: string; caption?: string; keepOriginal: boolean; countFor?: { address: string | null } };

/** Throws `not_found` unless `testimonyId` is the viewer's own testimony in an editable state. */
export async function assertOwnEditableTestimony(db: Db, viewer: Viewer | null, testimonyId: string): Promise<void> {
  requirePermission(viewer, 'testimony.submit');
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  const [row] = await db
    .select({ id: testimonies.id })
    .from(testimonies)
    .where(
      and(
        eq(testimonies.id, testimonyId),
        eq(testimonies.submitterId, viewer!.userId),
        inArray(testimonies.status, [...editableStatuses]),
      ),
    );
  if (!row) throw new AppError('not_found');
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(sniffLength), 0, sniffLength, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function receiveUpload(db: Db, viewer: Viewer | null, input: UploadInput): Promise<{ id: string }> {
  await assertOwnEditableTestimony(db, viewer, input.testimonyId);
  const { size } = await stat(input.path);
  if (size === 0) throw uploadRefusal('fileMissing');
  const type = checkHead(await readHead(input.path));
  checkSize(type, size);

  const store = await mediaStore();
  const originalKey = newKey('originals');
  const { seal, dataKey } = sealNewOriginal();
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // pipeline() (not .pipe()) so a read or storage failure destroys every stage with the error.
  const sealed = pipeline(createReadStream(input.path), tap, seal, () => {});
  let repeated = false;
  try {
    await store.put(originalKey, sealed);
    const sha256 = hash.digest('hex');
    const result = await db.transaction(async (tx) => {
      // A re-sent upload (the answer to the first was lost: connection cut, server killed) brings
      // the same bytes with the same choices for the same testimony again: answer with the file
      // already received instead of storing it twice. The lock makes two copies arriving at once
      // wait for each other.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`upload:${input.testimonyId}`}))`);
      const [same] = await tx
        .select({ id: attachments.id })
        .from(attachments)
        .where(
          and(
            eq(attachments.testimonyId, input.testimonyId),
            eq(attachments.sha256, sha256),
            eq(attachments.keepOriginal, input.keepOriginal),
            sql`${attachments.caption} is not distinct from ${input.caption?.trim() || null}`,
          ),
        )
        .limit(1);
      if (same) {
        repeated = true;
        return { id: same.id };
      }
      if (input.countFor) await consumeLimit(tx, 'upload', { account: viewer!.userId, address: input.countFor.address });
      const [row] = await tx
        .insert(attachments)
        .values({
          testimonyId: input.testimonyId,
          uploadedBy: viewer!.userId,
          kind: type.kind,
          mime: type.mime,
          sizeBytes: size,
          sha256,
          originalKey,
          dataKey,
          keepOriginal: input.keepOriginal,
          caption: input.caption?.trim() || null,
        })
        .returning({ id: attachments.id, sha256: attachments.sha256 });
      await enqueue(tx, processAttachmentKind, { attachmentId: row!.id });
      await appendAudit(tx, {
        actorId: viewer!.userId,
        action: 'attachment.upload',
        targetType: 'attachment',
        targetId: row!.id,
        details: { testimonyId: input.testimonyId, kind: type.kind, sizeBytes: size, sha256: row!.sha256 },
      });
      return { id: row!.id };
    });
    if (repeated) await store.delete(originalKey);
    return result;
  } catch (error) {
    await store.delete(originalKey);
    throw error;
  }
}
