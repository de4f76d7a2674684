import 'server-only';
// The submitter's notifications, read only by their owner (ENGINEERING.md pattern 4): every query
// filters by the viewer's own user id, and the list also by the testimony still being theirs.
// Someone else's notification is never counted, listed or marked.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { decodeCursor, encodeCursor, timeIdCursor } from '@/lib/pagination/cursor';
import { requirePermission } from '@/lib/authz/guard';
import { aboutNames } from '@/lib/testimonies/own';
import type { AboutName } from '@/lib/testimonies/about-label';
import type { NotificationKind } from './kinds';

const permission = 'testimony.read.own';

export type NotificationDto = {
  id: string;
  /** A documentation-only testimony is accepted, never published: its notices say so. */
  kind: NotificationKind | 'accepted' | 'revision_accepted';
  testimonyId: string;
  /** Who the testimony is about, in the submitter's own words. */
  about: AboutName[];
  /** A rejection's reason code. */
  reason: string | null;
  createdAt: Date;
  /** Unread until this page of the list was shown. */
  unread: boolean;
};

export const notificationPageSize = 20;

/** The notices of a documentation-only testimony's acceptance (its consent is fixed once accepted). */
const documentationKinds: Partial<Record<NotificationKind, NotificationDto['kind']>> = { published: 'accepted', revision_published: 'revision_accepted' };

/** How many of the viewer's notifications are unread (0 for anyone who may not have any). */
export async function countUnreadNotifications(db: Db, viewer: Viewer | null): Promise<number> {
  const userId = requirePermission(viewer, permission).userId;
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The viewer's notifications, newest first, keyset-paged on (created_at, id). */
export async function listNotifications(
  db: Db,
  viewer: Viewer | null,
  query: { cursor?: string; limit?: number } = {},
): Promise<{ items: NotificationDto[]; nextCursor: string | null }> {
  const userId = requirePermission(viewer, permission).userId;
  const limit = Math.min(Math.max(query.limit ?? notificationPageSize, 1), 100);
  const conditions = [eq(notifications.userId, userId), eq(testimonies.submitterId, userId)];
  if (query.cursor) {
    const after = decodeCursor(timeIdCursor, query.cursor);
    if (!after) throw new AppError('invalid_input');
    conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      testimonyId: notifications.testimonyId,
      reason: notifications.reason,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      consentPublish: testimonies.consentPublish,
      cursorAt: sql<string>`${notifications.createdAt}::text`,
    })
    .from(notifications)
    .innerJoin(testimonies, eq(testimonies.id, notifications.testimonyId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const names = await aboutNames(db, [...new Set(page.map((r) => r.testimonyId))]);
  return {
    items: page.map(({ readAt, cursorAt: _, consentPublish, ...r }) => ({ ...r, kind: consentPublish === 'public' ? r.kind : (documentationKinds[r.kind] ?? r.kind), about: names.get(r.testimonyId) ?? [], unread: readAt === null })),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.cursorAt, page.at(-1)!.id]) : null,
  };
}

/** Marks every unread notification of the viewer read. */
export async function markAllNotificationsRead(db: Db, viewer: Viewer | null): Promise<number> {
  const userId = requirePermission(viewer, permission).userId;
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}

/** Opens one of the viewer's notifications: marks it read and returns its testimony; anyone else's is `not_found`. */
export async function openNotification(db: Db, viewer: Viewer | null, notificationId: string): Promise<{ testimonyId: string }> {
  const userId = requirePermission(viewer, permission).userId;
  if (!isUuid(notificationId)) throw new AppError('not_found');
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.userId, userId), eq(notifications.id, notificationId)))
    .returning({ testimonyId: notifications.testimonyId });
  if (!row) throw new AppError('not_found');
  return row;
}

/** Marks these of the viewer's notifications read; ids of anyone else's change nothing. */
export async function markNotificationsRead(db: Db, viewer: Viewer | null, ids: readonly string[]): Promise<number> {
  const userId = requirePermission(viewer, permission).userId;
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return 0;
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, valid), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}
