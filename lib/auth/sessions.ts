// Server-side session rows (db/schema/users.ts `user_sessions`). The signed cookie only carries
// a row id; everything that decides whether a session is alive is read here on every request.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { users, userSessions } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { isStaffRole, type Role } from '@/lib/authz/permissions';
import { isUuid } from '@/lib/validation/uuid';

export type SecondFactorState = 'not-needed' | 'verified' | 'required' | 'enrolment-required';

export type Viewer = {
  userId: string;
  username: string;
  role: Role;
  sessionId: string;
  secondFactor: SecondFactorState;
  locale: string;
};

// last_seen_at is written at most once a minute per session, not on every request.
const touchIntervalMs = 60_000;

export async function createSession(db: DbOrTx, userId: string, secondFactorVerified: boolean): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, secondFactorAt: secondFactorVerified ? new Date() : null })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** How long a session of this role lives without a request (lib/env.mjs). */
export function idleLimitMs(role: Role): number {
  const e = env();
  return (isStaffRole(role) ? e.SESSION_IDLE_STAFF_MINUTES : e.SESSION_IDLE_SUBMITTER_MINUTES) * 60_000;
}

/** How long any session lives after sign-in, however active; the session cookie expires with it. */
export function sessionMaxAgeMs(): number {
  return env().SESSION_MAX_HOURS * 3_600_000;
}

/**
 * The viewer behind a session id, or null when the session is unknown, revoked, idle too long,
 * older than the absolute limit, its user disabled, or a demo account outside demo mode. Re-reads the role every time, so a
 * role change or a disabled account takes effect on the next request.
 */
export async function resolveSession(db: Db, sessionId: string, now = new Date()): Promise<Viewer | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({
      sessionId: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      secondFactorAt: userSessions.secondFactorAt,
      revokedAt: userSessions.revokedAt,
      userId: users.id,
      username: users.username,
      role: users.role,
      locale: users.locale,
      disabledAt: users.disabledAt,
      isDemo: users.isDemo,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId));
  if (!row || row.revokedAt || row.disabledAt) return null;
  if (row.isDemo && !demoAccountsAllowed()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > idleLimitMs(row.role) || now.getTime() - row.createdAt.getTime() > sessionMaxAgeMs()) {
    await revokeSession(db, row.sessionId, now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > touchIntervalMs) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, row.sessionId));
  }
  return {
    userId: row.userId,
    username: row.username,
    role: row.role,
    sessionId: row.sessionId,
    locale: row.locale,
    // Staff must use TOTP; a submitter who chose to enrol is asked for it like staff.
    secondFactor: row.secondFactorAt
      ? 'verified'
      : row.totpEnabledAt
        ? 'required'
        : isStaffRole(row.role)
          ? 'enrolment-required'
          : 'not-needed',
  };
}

/** Demo accounts have published credentials: in production they work only in demo mode. */
export function demoAccountsAllowed(): boolean {
  const e = env();
  return e.demoMode || e.NODE_ENV !== 'production';
}

export async function markSecondFactorVerified(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(userSessions).set({ secondFactorAt: new Date() }).where(eq(userSessions.id, sessionId));
}

export async function revokeSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ revokedAt: now }).where(eq(userSessions.id, sessionId));
}

/** Ends every session of a user (sign out everywhere, disable), or every other one (new passphrase). */
export async function revokeUserSessions(db: DbOrTx, userId: string, options: { except?: string } = {}): Promise<void> {
  const conditions = [eq(userSessions.userId, userId), isNull(userSessions.revokedAt)];
  if (options.except) conditions.push(ne(userSessions.id, options.except));
  await db.update(userSessions).set({ revokedAt: new Date() }).where(and(...conditions));
}
