// A submitter takes a file back out of their own draft (or of a testimony returned to them with
// "changes requested"). Another submitter's file, a file of a testimony no longer editable, and
// an unknown id are the same not_found. The row goes in one transaction with the audit entry and
// a media.delete job for the stored bytes (sealed original and metadata-free copy), so nothing
// outlives the row; a processing job still running finds the row gone and discards its output.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { attachments, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs/queue';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { isUuid } from '@/lib/validation/uuid';
import { deleteMediaKind } from './delete';
import { editableStatuses } from './upload';

export async function removeOwnAttachment(db: Db, viewer: Viewer | null, input: { attachmentId: string }): Promise<void> {
  requirePermission(viewer, 'testimony.edit.own');
  if (!isUuid(input.attachmentId)) throw new AppError('not_found');
  const wasPublic = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ a: attachments, testimonyId: testimonies.id, published: testimonies.publishedRevisionId })
      .from(attachments)
      .innerJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
      .where(
        and(
          eq(attachments.id, input.attachmentId),
          eq(testimonies.submitterId, viewer!.userId),
          inArray(testimonies.status, [...editableStatuses]),
        ),
      )
      .for('update');
    if (!row) throw new AppError('not_found');
    const keys = [row.a.originalKey, row.a.publicKey].filter((k): k is string => k !== null);
    await tx.delete(attachments).where(eq(attachments.id, row.a.id));
    if (keys.length) await enqueue(tx, deleteMediaKind, { keys });
    await appendAudit(tx, {
      actorId: viewer!.userId,
      action: 'attachment.remove',
      targetType: 'attachment',
      targetId: row.a.id,
      details: { testimonyId: row.testimonyId, kind: row.a.kind, sha256: row.a.sha256 },
    });
    // persons.portrait_attachment_id is set null by its foreign key.
    // A published revision stays public while its edit is reviewed: its files may be on public pages.
    return row.a.visibility === 'public' && row.published !== null;
  });
  if (wasPublic) revalidatePublicData();
}
