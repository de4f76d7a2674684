// The files of the viewer's own testimony, for the upload step (a DTO: no storage keys, no hashes).
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { attachments, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';

export type OwnAttachment = {
  id: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  caption: string | null;
  status: 'processing' | 'ready' | 'refused';
  /** False for files kept for moderators only because their metadata could not be removed. */
  metadataRemoved: boolean;
  sizeBytes: number;
  keepOriginal: boolean;
};

export async function listOwnAttachments(db: Db, viewer: Viewer | null, testimonyId: string): Promise<OwnAttachment[]> {
  requirePermission(viewer, 'testimony.read.own');
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  return db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      caption: attachments.caption,
      status: attachments.status,
      metadataRemoved: attachments.metadataRemoved,
      sizeBytes: attachments.sizeBytes,
      keepOriginal: attachments.keepOriginal,
    })
    .from(attachments)
    .innerJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
    .where(and(eq(attachments.testimonyId, testimonyId), eq(testimonies.submitterId, viewer!.userId)))
    .orderBy(asc(attachments.createdAt));
}
