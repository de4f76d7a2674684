import 'server-only';
// The one publication rule (issue 15, PRODUCT.md §4 four-eyes). Every path that makes something
// public asks `decidePublication` whether it may: publishing a testimony's revision
// (lib/moderation/decisions.ts, approvals in testimony_approvals), a person's status becoming
// `published` (first time or again after hiding), a file becoming public on a published testimony,
// a merge into a published person and a link that shows a testimony on a published person's page
// (`approvePublication`, approvals in publication_approvals). With four-eyes on, no single moderator
// can make anything public by any of these routes. A minor's full name and portrait need two
// approvals whatever the setting (lib/persons/minor-identity.ts; the projection withholds them).
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { publicationApprovals } from '@/db/schema';
import type { DbOrTx, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { readSetting } from '@/lib/settings';

export type PublicationOutcome = 'published' | 'awaiting_second_approval' | 'already_approved';
/** `correction`: new words in the published text of a testimony (lib/moderation/correction.ts). */
export type PublicationKind = 'person' | 'attachment' | 'merge' | 'link' | 'correction';

/** Different moderators who must approve the same content before it is public. */
export const approvalsNeeded = (fourEyes: boolean) => (fourEyes ? 2 : 1);

/**
 * The rule itself, pure: `approvedBy` are the moderators who already approved this exact content.
 * The actor's approval counts once however often they give it.
 */
export function decidePublication(input: { fourEyes: boolean; approvedBy: readonly string[]; actorId: string }): PublicationOutcome {
  const already = input.approvedBy.includes(input.actorId);
  const distinct = new Set([...input.approvedBy, input.actorId]).size;
  if (distinct >= approvalsNeeded(input.fourEyes)) return 'published';
  return already ? 'already_approved' : 'awaiting_second_approval';
}

/** SHA-256 of the content's canonical JSON: what exactly was approved. */
export function publicationFingerprint(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Applies the rule to a person, file, merge or link inside the caller's transaction (the target row
 * locked by the caller). `content` is everything the change would make public: an edit after an
 * approval changes the fingerprint, and the earlier approval no longer counts. On `published` the
 * caller makes the change; otherwise it must leave the target as it was. Every four-eyes approval
 * is audited.
 */
export async function approvePublication(
  tx: Tx,
  actorId: string,
  target: { kind: PublicationKind; id: string; content: unknown },
): Promise<PublicationOutcome> {
  const fingerprint = publicationFingerprint({ kind: target.kind, content: target.content });
  const same = and(eq(publicationApprovals.kind, target.kind), eq(publicationApprovals.targetId, target.id), eq(publicationApprovals.fingerprint, fingerprint));
  const approvedBy = (await tx.select({ moderatorId: publicationApprovals.moderatorId }).from(publicationApprovals).where(same)).map((a) => a.moderatorId);
  const outcome = decidePublication({ fourEyes: await readSetting(tx, 'four_eyes'), approvedBy, actorId });
  if (outcome === 'already_approved') return outcome;
  // A decision of one moderator alone (four-eyes off) is audited by the change itself.
  if (outcome === 'published' && approvedBy.length === 0) return outcome;
  await appendAudit(tx, {
    actorId,
    action: 'publication.approve',
    targetType: target.kind,
    targetId: target.id,
    details: { fingerprint, outcome, approvedBy: [...approvedBy, actorId] },
  });
  if (outcome === 'published') await tx.delete(publicationApprovals).where(same);
  else await tx.insert(publicationApprovals).values({ kind: target.kind, targetId: target.id, fingerprint, moderatorId: actorId }).onConflictDoNothing();
  return outcome;
}

/** Approvals waiting for a second moderator on one target (any content), for the staff pages. */
export async function pendingPublication(tx: DbOrTx, kind: PublicationKind, targetId: string) {
  return tx
    .select({ moderatorId: publicationApprovals.moderatorId, at: publicationApprovals.createdAt })
    .from(publicationApprovals)
    .where(and(eq(publicationApprovals.kind, kind), eq(publicationApprovals.targetId, targetId)));
}
