import 'server-only';
// The admin's view of the audit log (PRODUCT.md §1, admin: "knowing who saw and changed what").
// Newest first, keyset-paginated on the id (the primary key; filters by action use the
// (action, id) index), never OFFSET. Reading the log is itself an audited act.
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditEntries, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { requirePermission } from '@/lib/authz/guard';
import { storedUsernameKey } from '@/lib/auth/username-lookup';
import { appendAuditAlone } from './append';
import { auditChainStatus, type AuditChainStatus } from './report';

export type AuditFilters = {
  /** An action (`person.edit`) or a family of them (`person`). */
  action?: string;
  /** The actor's username. */
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** Days (YYYY-MM-DD, UTC), both included. */
  from?: string;
  to?: string;
};

export type AuditEntryView = {
  id: number;
  createdAt: Date;
  action: string;
  actor: string | null;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
};

export const auditPageSize = 50;
const day = /^\d{4}-\d{2}-\d{2}$/;

function conditions(filters: AuditFilters, actorId: string | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (filters.action) {
    // `_` and `%` are ordinary characters in action names.
    const family = `${filters.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
    where.push(or(eq(auditEntries.action, filters.action), like(auditEntries.action, family))!);
  }
  if (actorId !== undefined) where.push(actorId === null ? sql`false` : eq(auditEntries.actorId, actorId));
  if (filters.targetType) where.push(eq(auditEntries.targetType, filters.targetType));
  if (filters.targetId) where.push(eq(auditEntries.targetId, filters.targetId));
  if (filters.from) where.push(gte(auditEntries.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditEntries.createdAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  return where;
}

/** One page of entries matching the filters; `cursor` is the previous page's `nextCursor`. */
export async function browseAuditLog(
  db: Db,
  viewer: Viewer | null,
  query: AuditFilters & { cursor?: string; limit?: number } = {},
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const actor = requirePermission(viewer, 'audit.read');
  const { cursor, limit: requested, ...filters } = query;
  if ((filters.from && !day.test(filters.from)) || (filters.to && !day.test(filters.to))) throw new AppError('invalid_input');
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) throw new AppError('invalid_input');
  const limit = Math.min(Math.max(requested ?? auditPageSize, 1), 200);

  // An unknown username matches nothing (null), rather than being ignored.
  const actorId = filters.actor
    ? ((await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, await storedUsernameKey(db, filters.actor))))[0]?.id ?? null)
    : undefined;
  const where = conditions(filters, actorId);
  if (cursor) where.push(lt(auditEntries.id, Number(cursor)));

  // Who looked, and for what (the filters are ids and names of actions, never record contents).
  await appendAuditAlone(db, { actorId: actor.userId, action: 'audit.view', targetType: 'audit_log', details: { ...filters, ...(cursor ? { cursor } : {}) } });

  const rows = await db
    .select({ entry: auditEntries, actor: users.username })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(...where))
    .orderBy(desc(auditEntries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ entry, actor: username }) => ({
      id: entry.id,
      createdAt: entry.createdAt,
      action: entry.action,
      actor: username,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)!.entry.id) : null,
  };
}

/**
 * Recomputes the whole chain (what `npm run audit:verify` does). On request only: it reads every
 * entry, which a page view should not do unasked on a large log.
 */
export async function verifyAuditLog(db: Db, viewer: Viewer | null): Promise<AuditChainStatus> {
  requirePermission(viewer, 'audit.read');
  return auditChainStatus(db);
}
