import 'server-only';
// A minor's full name and portrait become public only after two different moderators approved
// them (issue 5, "Minors"; the rule is applied by the public projection, lib/memorial/minors.ts).
// One approval per moderator: the same moderator approving again changes nothing.
import { asc, eq } from 'drizzle-orm';
import { personIdentityApprovals, persons, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { minorIdentityApprovalsNeeded } from '@/lib/memorial/minors';
import { requirePermission } from '@/lib/authz/guard';

export type MinorIdentity = { minor: boolean; approvals: { moderator: string | null; byViewer: boolean; at: Date }[]; needed: number };

export async function getMinorIdentity(db: Db, viewer: Viewer | null, personId: string): Promise<MinorIdentity> {
  const actor = requirePermission(viewer, 'person.verify');
  if (!isUuid(personId)) throw new AppError('not_found');
  const [p] = await db.select({ minor: persons.minor }).from(persons).where(eq(persons.id, personId));
  if (!p) throw new AppError('not_found');
  const rows = await db
    .select({ moderatorId: personIdentityApprovals.moderatorId, moderator: users.username, at: personIdentityApprovals.createdAt })
    .from(personIdentityApprovals)
    .leftJoin(users, eq(users.id, personIdentityApprovals.moderatorId))
    .where(eq(personIdentityApprovals.personId, personId))
    .orderBy(asc(personIdentityApprovals.createdAt));
  return { minor: p.minor, approvals: rows.map((r) => ({ moderator: r.moderator, byViewer: r.moderatorId === actor.userId, at: r.at })), needed: minorIdentityApprovalsNeeded };
}

/** Records the viewer's approval (audited); `recorded: false` when they had already approved. */
export async function approveMinorIdentity(db: Db, viewer: Viewer | null, input: { personId: string }): Promise<{ recorded: boolean }> {
  const actor = requirePermission(viewer, 'person.verify');
  if (!isUuid(input.personId)) throw new AppError('not_found');
  const recorded = await db.transaction(async (tx) => {
    const [p] = await tx.select({ minor: persons.minor }).from(persons).where(eq(persons.id, input.personId)).for('update');
    if (!p) throw new AppError('not_found');
    if (!p.minor) throw new AppError('conflict');
    const [row] = await tx.insert(personIdentityApprovals).values({ personId: input.personId, moderatorId: actor.userId }).onConflictDoNothing().returning({ at: personIdentityApprovals.createdAt });
    if (!row) return false;
    await appendAudit(tx, { actorId: actor.userId, action: 'person.identity.approve', targetType: 'person', targetId: input.personId, details: {} });
    return true;
  });
  if (recorded) revalidatePublicData();
  return { recorded };
}
