import 'server-only';
// The admin's user list. Returns DTOs with exactly what the users page shows: never a passphrase
// hash, TOTP secret or sealed e-mail address.
import { and, asc, eq, gt, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { users, userSessions } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import type { Role } from '@/lib/authz/permissions';
import { containsPattern } from '@/lib/search/like';
import { usernameKey } from '@/lib/validation/account';
import { requirePermission } from '@/lib/authz/guard';

export type UserListItem = {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  twoFactorEnrolled: boolean;
  createdAt: Date;
  /** Latest activity of any of the user's sessions (written at most once a minute). */
  lastSeenAt: Date | null;
};

export type UserListQuery = {
  /** Part of a username; matched case-insensitively on the normalized key. */
  q?: string;
  role?: Role;
  disabled?: boolean;
  /** The `nextCursor` of the previous page (a username key). */
  cursor?: string;
  limit?: number;
};

export type UserListPage = { items: UserListItem[]; nextCursor: string | null };

export const userPageSize = 50;

/** Keyset pagination by username key (unique): page N costs the same as page 1. */
export async function listUsers(db: Db, viewer: Viewer | null, query: UserListQuery = {}): Promise<UserListPage> {
  requirePermission(viewer, 'user.manage');
  const limit = Math.min(Math.max(query.limit ?? userPageSize, 1), 200);
  const conditions: SQL[] = [];
  const q = query.q?.trim();
  if (q) conditions.push(ilike(users.usernameKey, containsPattern(usernameKey(q))));
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.disabled !== undefined) conditions.push(query.disabled ? isNotNull(users.disabledAt) : isNull(users.disabledAt));
  if (query.cursor) conditions.push(gt(users.usernameKey, query.cursor));

  // Correlated per listed row (index on user_sessions.user_id), not aggregated over all sessions.
  // Written out in SQL: drizzle leaves a lone table's columns unqualified, which inside this
  // subquery would bind to user_sessions.id instead of the outer users.id.
  const lastSeenAt = sql<Date | null>`(select max(us.last_seen_at) from user_sessions us where us.user_id = "users"."id")`.mapWith(
    userSessions.lastSeenAt,
  );
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      key: users.usernameKey,
      role: users.role,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      lastSeenAt,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.usernameKey))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      username: r.username,
      role: r.role,
      disabled: r.disabledAt !== null,
      twoFactorEnrolled: r.totpEnabledAt !== null,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt ?? null,
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.key : null,
  };
}
