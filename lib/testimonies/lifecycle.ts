// The one state machine of a testimony (PRODUCT.md §4, ENGINEERING.md pattern 9). Every status
// change goes through `transitionTestimony`: the row is locked, the move is checked against this
// table and against who is making it, the status is updated only if it is still what was read,
// and the audit entry commits with it. Two moderators deciding at once: the second gets `conflict`.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rejectReason, testimonies, testimonyStatus } from '@/db/schema';
import type { Tx } from '@/db/types';
import { appendAudit, type AuditInput } from '@/lib/audit/append';
import { AppError } from '@/lib/errors';
import { notifiedEvents } from '@/lib/notifications/kinds';
import { recordNotification } from '@/lib/notifications/record';

export type TestimonyStatus = (typeof testimonyStatus.enumValues)[number];

/** Who may make a move: the submitter of the testimony, or staff who did not submit it. */
type Mover = 'owner' | 'moderator';

export const lifecycle = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', by: 'owner' },
  claim: { from: ['submitted'], to: 'in_review', by: 'moderator' },
  release: { from: ['in_review'], to: 'submitted', by: 'moderator' },
  requestChanges: { from: ['in_review', 'awaiting_approval'], to: 'changes_requested', by: 'moderator' },
  // Four-eyes: the first moderator's approval; a second, different one publishes (or declines).
  approve: { from: ['in_review'], to: 'awaiting_approval', by: 'moderator' },
  publish: { from: ['in_review', 'awaiting_approval'], to: 'published', by: 'moderator' },
  reject: { from: ['in_review', 'awaiting_approval'], to: 'rejected', by: 'moderator' },
  unpublish: { from: ['published'], to: 'unpublished', by: 'moderator' },
  withdraw: {
    from: ['draft', 'submitted', 'in_review', 'changes_requested', 'awaiting_approval', 'published', 'unpublished'],
    to: 'withdrawn',
    by: 'owner',
  },
  // A published testimony's newer revision (the submitter edited it) is reviewed while the
  // published revision stays public: the testimony stays `published` through all of these, and
  // the callers check that a newer revision is actually waiting (`hasRevisionInReview` in lib/moderation/claims.ts).
  claimRevision: { from: ['published'], to: 'published', by: 'moderator' },
  releaseRevision: { from: ['published'], to: 'published', by: 'moderator' },
  approveRevision: { from: ['published'], to: 'published', by: 'moderator' },
  publishRevision: { from: ['published'], to: 'published', by: 'moderator' },
  rejectRevision: { from: ['published'], to: 'published', by: 'moderator' },
} as const satisfies Record<string, { from: readonly TestimonyStatus[]; to: TestimonyStatus; by: Mover }>;

export type TestimonyEvent = keyof typeof lifecycle;

export type Transition = {
  from: TestimonyStatus;
  to: TestimonyStatus;
  /** The public memorial may have changed: the caller must call `revalidatePublicData()` after commit. */
  publicChanged: boolean;
};

type ExtraColumns = Partial<
  Pick<
    typeof testimonies.$inferInsert,
    | 'claimedBy' | 'claimedAt' | 'rejectReason' | 'submittedAt' | 'publishedAt' | 'publishedRevisionId' | 'currentRevisionId'
    // A submission's own columns (lib/testimonies/submit.ts), written in the same UPDATE as the move.
    | 'language' | 'draft' | 'consentPublish' | 'consentCredit' | 'creditName' | 'creditNameEncrypted' | 'portraitPublic' | 'exactPlacePublic' | 'mayContact'
    | 'fingerprint'
  >
> & { fingerprintBands?: SQL };

/**
 * Moves a testimony along `event`. The caller has already checked the actor's permission; this
 * function enforces the lifecycle's own rules: owners move only their own testimonies (others get
 * `not_found`), staff never decide on a testimony they submitted themselves (`own_testimony`),
 * and a move from a state the testimony is no longer in is a `conflict`.
 */
export async function transitionTestimony(
  tx: Tx,
  input: {
    testimonyId: string;
    event: TestimonyEvent;
    actorId: string;
    set?: ExtraColumns;
    details?: Record<string, unknown>;
    /** Runs after the move, just before the audit append (a submission reads its look-alikes here: see lib/testimonies/submit.ts). */
    beforeAudit?: () => Promise<void>;
    /** Appends the move's entry in place of `appendAudit` (a submission appends it with its challenge and limit: lib/abuse/gate.ts). */
    appendAudit?: (entry: AuditInput) => Promise<unknown>;
    /** A further condition of the move's UPDATE, evaluated before the row is written (a submission's band locks: lib/abuse/coordinated.ts). */
    where?: SQL;
    /**
     * Writes sent in the same statement as the move's UPDATE, as CTEs (`name as (statement)`): a
     * submission's revision and proposed person, which the move's columns name (foreign keys are
     * checked at the statement's end).
     */
    alongside?: SQL[];
    /**
     * The row as the caller read it with `FOR UPDATE` in this same transaction (a submission has):
     * it cannot have changed since, so it is not read again.
     */
    locked?: { status: TestimonyStatus; submitterId: string };
  },
): Promise<Transition> {
  const rule = lifecycle[input.event];
  const [row] = input.locked
    ? [input.locked]
    : await tx
        .select({ status: testimonies.status, submitterId: testimonies.submitterId })
        .from(testimonies)
        .where(eq(testimonies.id, input.testimonyId))
        .for('update');
  if (!row) throw new AppError('not_found');
  const isOwner = row.submitterId === input.actorId;
  if (rule.by === 'owner' && !isOwner) throw new AppError('not_found');
  if (rule.by === 'moderator' && isOwner) throw new AppError('own_testimony');
  if (!(rule.from as readonly TestimonyStatus[]).includes(row.status)) throw new AppError('conflict');

  const update = tx
    .update(testimonies)
    .set({ status: rule.to, ...input.set })
    .where(input.where ? and(eq(testimonies.id, input.testimonyId), input.where) : eq(testimonies.id, input.testimonyId));
  await (input.alongside?.length ? tx.execute(sql`with ${sql.join(input.alongside, sql`, `)} ${update.getSQL()}`) : update);
  await input.beforeAudit?.();
  await (input.appendAudit ?? ((entry: AuditInput) => appendAudit(tx, entry)))({
    actorId: input.actorId,
    action: `testimony.${input.event}`,
    targetType: 'testimony',
    targetId: input.testimonyId,
    details: { from: row.status, to: rule.to, ...input.details },
  });
  // The submitter hears of it, in this transaction: no notice without the move, no move without it.
  const kind = notifiedEvents[input.event];
  if (kind && !isOwner) {
    const reason = rejectReason.enumValues.find((r) => r === input.details?.reason) ?? null;
    await recordNotification(tx, { userId: row.submitterId, testimonyId: input.testimonyId, kind, reason });
  }
  return { from: row.status, to: rule.to, publicChanged: row.status === 'published' || rule.to === 'published' };
}
