// The caption readers see of a file (walk finding A: a submitter's caption "Note by <name>,
// <phone>" went out unseen as the image's alt text and in the open-data API). The submitter's
// caption is kept as sent, for moderators only, like the narrative's original; the public
// projection reads only `public_caption`, which only a moderator writes, here. The same access
// rule as a file's visibility (lib/media/review-files.ts): the claim holder during review, any
// moderator (not the submitter) once the testimony is published or taken down.
//
// Taking words out of a caption readers already see applies at once (a safety correction, like a
// takedown). Any other change to the caption of a file readers can see is a publication of its own:
// the publication rule decides (four-eyes), with the caption in the approved content.
import 'server-only';
import { eq } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { onlyRemovesWords, suggestRedactions } from '@/lib/moderation/redaction';
import { approvePublication, type PublicationOutcome } from '@/lib/moderation/publication';
import { captionMaxLength } from '@/lib/validation/attachment';
import { lockChangeableFile, publicFileContent } from './review-files';

export async function setPublicCaption(
  db: Db,
  viewer: Viewer | null,
  input: { attachmentId: string; publicCaption: string; notIdentifying?: 'yes' },
): Promise<{ publication: PublicationOutcome | null }> {
  const actor = requirePermission(viewer, 'moderation.redact');
  // An emptied box saved is kept as empty (''), never taken for "not written yet" (null), which the
  // review page would fill again from the submitter's caption (walk finding). Readers get no caption.
  const caption = input.publicCaption.trim();
  // The checks every public text passes: what they find is saved only on the moderator's tick.
  if (suggestRedactions(caption).length > 0 && input.notIdentifying !== 'yes') {
    throw new AppError('identifying_details', { fieldErrors: { publicCaption: 'captionIdentifying' } });
  }
  if (caption && caption.length > captionMaxLength) throw new AppError('invalid_input', { fieldErrors: { publicCaption: 'invalid' } });
  let publication: PublicationOutcome | null = null;
  const publicChanged = await db.transaction(async (tx) => {
    const { a, t } = await lockChangeableFile(tx, actor, input.attachmentId);
    if (a.publicCaption === caption) return false;
    const seen = a.visibility === 'public' && t.status === 'published';
    if (seen && !onlyRemovesWords(a.publicCaption, caption)) {
      publication = await approvePublication(tx, actor.userId, { kind: 'attachment', id: a.id, content: publicFileContent({ ...a, publicCaption: caption }) });
      if (publication !== 'published') return false;
    }
    await tx.update(attachments).set({ publicCaption: caption }).where(eq(attachments.id, a.id));
    // The lengths, never the words: the log must not become a copy of what was taken out.
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'attachment.caption',
      targetType: 'attachment',
      targetId: a.id,
      details: { testimonyId: t.id, captionLength: caption.length, public: seen, ...(input.notIdentifying === 'yes' ? { confirmedNotIdentifying: suggestRedactions(caption).length } : {}) },
    });
    return seen;
  });
  if (publicChanged) revalidatePublicData();
  return { publication };
}
