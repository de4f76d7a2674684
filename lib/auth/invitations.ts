// Staff invitations: one-time links that expire. No `server-only`: the first-admin command
// (scripts/user-create-admin.ts, plain Node) creates one too, so imports here are relative.
// Security invariants:
// - only sha256(token) is stored; the token exists in the link shown once to its creator;
// - accepting is one conditional UPDATE, so two people racing with one link cannot both succeed;
// - every failure of a link (unknown, used, expired) looks the same to whoever holds it.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitations, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { appendAudit } from '../audit/append';
import { requirePermission } from '../authz/guard';
import type { Role } from '../authz/permissions';
import { AppError } from '../errors';
import { usernameKey, usernameSchema } from '../validation/account';
import { hashPassphrase, isCommonPassphrase } from './passphrase';
import type { Viewer } from './sessions';

export const invitationLifetimeMs = 72 * 60 * 60 * 1000;
/** Set by accepting an invitation, read by the sign-in page to fill in the new username. */
export const invitedUsernameCookie = 'yadman-invited-username';
export type InvitationRole = Extract<Role, 'moderator' | 'admin'>;
export const invitationRoles: readonly InvitationRole[] = ['moderator', 'admin'];

export type CreatedInvitation = { token: string; path: string; role: InvitationRole; expiresAt: Date };

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function invitationPath(locale: string, token: string): string {
  return `/${locale}/invite/${token}`;
}

async function insertInvitation(
  db: Db,
  input: { role: InvitationRole; username: string | null; createdBy: string | null; locale: string },
): Promise<CreatedInvitation> {
  // 32 random bytes: unguessable, and short enough for a link.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + invitationLifetimeMs);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({ tokenHash: hashInvitationToken(token), role: input.role, username: input.username, createdBy: input.createdBy, expiresAt })
      .returning({ id: invitations.id });
    await appendAudit(tx, {
      actorId: input.createdBy,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: row!.id,
      details: { role: input.role, ...(input.username ? { username: input.username } : {}) },
    });
  });
  return { token, path: invitationPath(input.locale, token), role: input.role, expiresAt };
}

/** An admin invites a moderator or another admin; the link is returned once and never stored. */
export async function createInvitation(
  db: Db,
  viewer: Viewer | null,
  input: { role: InvitationRole; locale?: string },
): Promise<CreatedInvitation> {
  requirePermission(viewer, 'user.invite');
  if (!invitationRoles.includes(input.role)) throw new AppError('invalid_input');
  return insertInvitation(db, { role: input.role, username: null, createdBy: viewer!.userId, locale: input.locale ?? viewer!.locale });
}

/**
 * The first admin of a new installation (run from the server's shell, hence no viewer). The
 * username is fixed by whoever ran the command; a taken one is refused now rather than at accept.
 */
export async function createSetupInvitation(db: Db, input: { username: string; locale?: string }): Promise<CreatedInvitation> {
  const parsed = usernameSchema.safeParse(input.username);
  if (!parsed.success) throw new AppError('invalid_input');
  if (await usernameTaken(db, parsed.data)) throw new AppError('conflict');
  return insertInvitation(db, { role: 'admin', username: parsed.data, createdBy: null, locale: input.locale ?? 'en' });
}

async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(username)));
  return !!row;
}

export type InvitationView = { role: InvitationRole; username: string | null; expiresAt: Date };

/** What the invitation page shows, or null for any link that cannot be used (whatever the reason). */
export async function inspectInvitation(db: Db, token: string): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const [row] = await db
    .select({ role: invitations.role, username: invitations.username, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)));
  if (!row || row.role === 'submitter') return null;
  return { role: row.role, username: row.username, expiresAt: row.expiresAt };
}

/**
 * Uses the link and creates the account with the invitation's role, in one transaction: a taken
 * username rolls the use back, so the link still works for a second try. Throws `not_found` for
 * any unusable link, `conflict` for a taken username, `invalid_input` for a common passphrase.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; username: string; passphrase: string },
): Promise<{ userId: string; username: string; role: InvitationRole }> {
  if (isCommonPassphrase(input.passphrase)) throw new AppError('invalid_input');
  // Hashed before the transaction: Argon2 takes a while and must not hold the row lock.
  const passwordHash = await hashPassphrase(input.passphrase);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tokenHash, hashInvitationToken(input.token)),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: invitations.id, role: invitations.role, username: invitations.username });
    if (!invitation || invitation.role === 'submitter') throw new AppError('not_found');
    const parsed = usernameSchema.safeParse(invitation.username ?? input.username);
    if (!parsed.success) throw new AppError('invalid_input');
    const username = parsed.data;
    const key = usernameKey(username);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, key));
    if (taken) throw new AppError('conflict');
    const [user] = await tx
      .insert(users)
      .values({ username, usernameKey: key, passwordHash, role: invitation.role })
      .returning({ id: users.id });
    await tx.update(invitations).set({ usedBy: user!.id }).where(eq(invitations.id, invitation.id));
    await appendAudit(tx, {
      actorId: user!.id,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { role: invitation.role },
    });
    return { userId: user!.id, username, role: invitation.role };
  });
}

export type PendingInvitation = { id: string; role: Role; createdBy: string | null; createdAt: Date; expiresAt: Date };

/** Unused, unexpired invitations for the admin page: who made them and when they lapse, never a token. */
export async function listPendingInvitations(db: Db, viewer: Viewer | null): Promise<PendingInvitation[]> {
  requirePermission(viewer, 'user.invite');
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      createdBy: users.username,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(and(isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(asc(invitations.expiresAt))
    .limit(200);
}

/**
 * Withdraws a pending link: it expires now, so whoever holds it meets the same refusal as for any
 * expired link. False when there is nothing pending by that id (used, expired or unknown).
 */
export async function revokeInvitation(db: Db, viewer: Viewer | null, id: string): Promise<boolean> {
  requirePermission(viewer, 'user.invite');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ expiresAt: sql`now()` })
      .where(and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning({ id: invitations.id, role: invitations.role });
    if (!row) return false;
    await appendAudit(tx, { actorId: viewer!.userId, action: 'invitation.revoked', targetType: 'invitation', targetId: row.id, details: { role: row.role } });
    return true;
  });
}
