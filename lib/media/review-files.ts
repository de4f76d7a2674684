// Files on the review screen (issue 5, "Files: mark public or moderators-only"). Moderators see
// every file of a testimony under review and choose, file by file, whether readers may see it
// once the testimony is published. Rules, each enforced here and not only in the form:
// - a file whose metadata could not be removed (no derivative) can never be public (and the
//   database's check constraint refuses it as well);
// - a testimony kept "for documentation only" cannot have public files;
// - a file used as a person's portrait is public only if the submitter consented to that;
// - while a testimony is in review only the moderator holding the claim may change its files;
//   after publication (or a takedown) any moderator may, audited, and the public pages refresh.
// Marking a file public never shows it by itself: serve.ts and the public projection also require
// the testimony to be published. On a published testimony it does, so there the publication rule
// (lib/moderation/publication.ts, four-eyes) decides.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { attachments, persons, testimonies } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { isUuid } from '@/lib/validation/uuid';
import { approvePublication, type PublicationOutcome } from '@/lib/moderation/publication';
import { requirePermission } from '@/lib/authz/guard';

export type ReviewAttachment = {
  id: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  /** The submitter's caption as sent (moderators only). */
  caption: string | null;
  /** The caption readers see, written by a moderator (lib/media/captions.ts); null: none. */
  publicCaption: string | null;
  status: 'processing' | 'ready' | 'refused';
  visibility: 'public' | 'moderators';
  /** False: flagged "metadata not removed", moderators only for ever. */
  metadataRemoved: boolean;
  /** Only when a metadata-free copy exists can the file be made public. */
  canBePublic: boolean;
  isPortrait: boolean;
  sizeBytes: number;
  /** SHA-256 of the bytes received (chain of custody). */
  sha256: string;
  keptOriginal: boolean;
};

export type Visibility = ReviewAttachment['visibility'];

/** The files of a submitted testimony, for staff (drafts are the submitter's alone: not_found). */
export async function listReviewAttachments(db: Db, viewer: Viewer | null, testimonyId: string): Promise<ReviewAttachment[]> {
  requirePermission(viewer, 'testimony.read.any');
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  // The check and the files side by side (issue 21); the files are dropped when the check refuses.
  const [[t], rows] = await Promise.all([
    db.select({ status: testimonies.status }).from(testimonies).where(eq(testimonies.id, testimonyId)),
    db
      .select({ a: attachments, portraitOf: persons.id })
      .from(attachments)
      .leftJoin(persons, eq(persons.portraitAttachmentId, attachments.id))
      .where(eq(attachments.testimonyId, testimonyId))
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
  ]);
  if (!t || t.status === 'draft') throw new AppError('not_found');
  const seen = new Set<string>();
  return rows.flatMap(({ a, portraitOf }) => {
    if (seen.has(a.id)) return []; // a portrait of two persons joins twice
    seen.add(a.id);
    return [
      {
        id: a.id,
        kind: a.kind,
        caption: a.caption,
        publicCaption: a.publicCaption,
        status: a.status,
        visibility: a.visibility,
        metadataRemoved: a.metadataRemoved,
        canBePublic: a.status === 'ready' && a.metadataRemoved && a.publicKey !== null,
        isPortrait: portraitOf !== null,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        keptOriginal: a.originalKey !== null,
      },
    ];
  });
}

const changeableAfterReview = new Set(['published', 'unpublished']);

export async function setAttachmentVisibility(
  db: Db,
  viewer: Viewer | null,
  input: { attachmentId: string; visibility: Visibility },
): Promise<{ publication: PublicationOutcome | null }> {
  const actor = requirePermission(viewer, 'moderation.redact');
  let publication: PublicationOutcome | null = null;
  const publicChanged = await db.transaction(async (tx) => {
    const { a, t } = await lockChangeableFile(tx, actor, input.attachmentId);
    if (input.visibility === 'public') await assertMayBePublic(tx, a, t);
    if (a.visibility === input.visibility) return false;
    // On a published testimony the file is public at once: the publication rule decides (four-eyes).
    if (input.visibility === 'public' && t.status === 'published') {
      publication = await approvePublication(tx, actor.userId, { kind: 'attachment', id: a.id, content: publicFileContent(a) });
      if (publication !== 'published') return false;
    }
    await tx.update(attachments).set({ visibility: input.visibility }).where(eq(attachments.id, a.id));
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'attachment.visibility',
      targetType: 'attachment',
      targetId: a.id,
      details: { testimonyId: t.id, visibility: input.visibility },
    });
    return t.status === 'published';
  });
  if (publicChanged) revalidatePublicData();
  return { publication };
}

/**
 * The file, locked, with its testimony, if the actor may change what readers get of it (its
 * visibility, its public caption): the rules at the top of this file.
 */
export async function lockChangeableFile(tx: Tx, actor: { userId: string }, attachmentId: string) {
  if (!isUuid(attachmentId)) throw new AppError('not_found');
  const [row] = await tx
    .select({ a: attachments, t: testimonies })
    .from(attachments)
    .innerJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
    .where(eq(attachments.id, attachmentId))
    .for('update');
  if (!row || row.t.status === 'draft') throw new AppError('not_found');
  const { t } = row;
  if (t.submitterId === actor.userId) throw new AppError('own_testimony');
  const holds = t.status === 'in_review' && t.claimedBy === actor.userId;
  if (!holds && !changeableAfterReview.has(t.status)) throw new AppError('conflict');
  return row;
}

/** What a public file shows readers, as the publication rule fingerprints it (four-eyes approves exactly this). */
export function publicFileContent(a: Pick<typeof attachments.$inferSelect, 'testimonyId' | 'kind' | 'publicCaption' | 'sha256'>) {
  return { testimonyId: a.testimonyId, kind: a.kind, caption: a.publicCaption, sha256: a.sha256 };
}

async function assertMayBePublic(tx: Tx, a: typeof attachments.$inferSelect, t: typeof testimonies.$inferSelect) {
  const refuse = (reason: string) => new AppError('invalid_input', { fieldErrors: { visibility: reason } });
  if (a.status !== 'ready' || !a.metadataRemoved || !a.publicKey) throw refuse('metadataNotRemoved');
  if (t.consentPublish !== 'public') throw refuse('documentationOnly');
  if (!t.portraitPublic) {
    const [portrait] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.portraitAttachmentId, a.id)).limit(1);
    if (portrait) throw refuse('portraitNotConsented');
  }
}
