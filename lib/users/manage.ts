import 'server-only';
// Account administration. Each change runs in one transaction with its audit entry, so the log
// never records a change that did not happen, nor misses one that did (PRODUCT.md §2.7).
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recoveryCodes, users } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { revokeUserSessions, type Viewer } from '@/lib/auth/sessions';
import type { Role } from '@/lib/authz/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { requirePermission } from '@/lib/authz/guard';
import { UserChangeRefused } from './refusals';

type Target = { id: string; role: Role; disabledAt: Date | null };

/** Locks and reads the target row; a missing user is a 404 like anything else not there. */
async function lockTarget(tx: Tx, userId: string): Promise<Target> {
  if (!isUuid(userId)) throw new AppError('not_found');
  const [row] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The active admins, locked in id order. Taken before the target row, always in the same order,
 * so that when two admins demote each other at the same moment the second transaction waits,
 * re-reads, and is refused instead of leaving nobody in charge (and no deadlock either).
 */
async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

/** Refuses a change that would leave no active admin. */
function assertAdminRemains(activeAdmins: string[], target: Target): void {
  if (target.role !== 'admin' || target.disabledAt) return;
  if (!activeAdmins.some((id) => id !== target.id)) throw new UserChangeRefused('last_admin');
}

export async function changeRole(db: Db, viewer: Viewer | null, input: { userId: string; role: Role }): Promise<void> {
  const actor = requirePermission(viewer, 'user.manage');
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await lockTarget(tx, input.userId);
    if (target.role === input.role) return;
    // An admin cannot take away their own admin rights (and lock everyone out by mistake).
    if (target.id === actor.userId) throw new UserChangeRefused('self');
    if (input.role !== 'admin') assertAdminRemains(admins, target);
    await tx.update(users).set({ role: input.role }).where(eq(users.id, target.id));
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: target.id,
      details: { from: target.role, to: input.role },
    });
  });
}

/** Disables the account and ends all its sessions in the same transaction: effective at once. */
export async function disableUser(db: Db, viewer: Viewer | null, userId: string): Promise<void> {
  const actor = requirePermission(viewer, 'user.manage');
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const target = await lockTarget(tx, userId);
    if (target.id === actor.userId) throw new UserChangeRefused('self');
    if (target.disabledAt) return;
    assertAdminRemains(admins, target);
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, target.id));
    await revokeUserSessions(tx, target.id);
    await appendAudit(tx, { actorId: actor.userId, action: 'user.disabled', targetType: 'user', targetId: target.id });
  });
}

export async function enableUser(db: Db, viewer: Viewer | null, userId: string): Promise<void> {
  const actor = requirePermission(viewer, 'user.manage');
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (!target.disabledAt) return;
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, target.id));
    await appendAudit(tx, { actorId: actor.userId, action: 'user.enabled', targetType: 'user', targetId: target.id });
  });
}

/**
 * For a lost authenticator: forgets the TOTP secret, its replay marker and the recovery codes, and
 * ends every session, so the next sign-in must enrol a new authenticator before any staff page.
 */
export async function resetTwoFactor(db: Db, viewer: Viewer | null, userId: string): Promise<void> {
  const actor = requirePermission(viewer, 'user.manage');
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    await tx
      .update(users)
      .set({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, target.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.id));
    await revokeUserSessions(tx, target.id);
    await appendAudit(tx, { actorId: actor.userId, action: 'user.totp_reset', targetType: 'user', targetId: target.id });
  });
}

/** Ends every session of a user (a lost or seized device); the account itself stays usable. */
export async function signOutEverywhereFor(db: Db, viewer: Viewer | null, userId: string): Promise<void> {
  const actor = requirePermission(viewer, 'user.manage');
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    await revokeUserSessions(tx, target.id);
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'user.sessions_revoked',
      targetType: 'user',
      targetId: target.id,
    });
  });
}
