// Users and sessions for authorization tests: one of each kind of person who may knock.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { createSession, resolveSession, type Viewer } from '@/lib/auth/sessions';
import type { Role } from '@/lib/authz/permissions';
import { usernameKey } from '@/lib/validation/account';

export const actorNames = [
  'anonymous',
  'submitterA',
  'submitterB',
  'moderatorWithout2fa',
  'moderator',
  'admin',
  'disabled',
] as const;
export type ActorName = (typeof actorNames)[number];
export type Actors = Record<ActorName, { viewer: Viewer | null; userId: string | null }>;

// A valid Argon2id hash of an unknown passphrase: these users are never signed in by passphrase.
const unusablePasswordHash = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q5c0JvTn3s7v1rb1M0d4b1w6xW4fQn2y1y3J8c9y8nE';

export async function insertUser(db: Db, username: string, role: Role, options: { totp?: boolean } = {}) {
  const [row] = await db
    .insert(users)
    .values({
      username,
      usernameKey: usernameKey(username),
      role,
      passwordHash: unusablePasswordHash,
      totpEnabledAt: options.totp ? new Date() : null,
    })
    .returning({ id: users.id });
  return row!.id;
}

/** Another signed-in moderator (second factor done), for rules that need two different moderators. */
export async function createSecondModerator(db: Db, username: string): Promise<Viewer | null> {
  const userId = await insertUser(db, username, 'moderator', { totp: true });
  return resolveSession(db, await createSession(db, userId, true));
}

/** Creates one user and one live session per actor and resolves each the way a request would. */
export async function createActors(db: Db, suffix = ''): Promise<Actors> {
  const make = async (name: string, role: Role, secondFactorDone: boolean, totp = secondFactorDone) => {
    const userId = await insertUser(db, `${name}${suffix}`, role, { totp });
    const sessionId = await createSession(db, userId, secondFactorDone);
    return { userId, sessionId };
  };
  const a = await make('submitter-a', 'submitter', false);
  const b = await make('submitter-b', 'submitter', false);
  const pending = await make('moderator-pending', 'moderator', false, true);
  const moderator = await make('moderator', 'moderator', true);
  const admin = await make('admin', 'admin', true);
  const disabled = await make('disabled', 'submitter', false);
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.userId));

  const resolve = async (s: { userId: string; sessionId: string }) => ({
    viewer: await resolveSession(db, s.sessionId),
    userId: s.userId,
  });
  return {
    anonymous: { viewer: null, userId: null },
    submitterA: await resolve(a),
    submitterB: await resolve(b),
    moderatorWithout2fa: await resolve(pending),
    moderator: await resolve(moderator),
    admin: await resolve(admin),
    disabled: await resolve(disabled),
  };
}
