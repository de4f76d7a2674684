import 'server-only';
// Reading a thread. DTOs only: a submitter never learns which moderator wrote (staff are exposed
// to the same adversary as witnesses), and nobody gets a row with ids of other users.
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { messages, testimonies, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { openText } from '@/lib/crypto/sealed-text';
import { recordView } from '@/lib/audit/views';
import { isUuid } from '@/lib/validation/uuid';
import { threadTestimony } from './access';

export type MessageDto = {
  id: string;
  body: string;
  createdAt: Date;
  /** Who wrote it, relative to the thread: the submitter or the moderators. */
  from: 'submitter' | 'staff';
  /** The viewer wrote it. */
  mine: boolean;
  /** Staff viewers only: the moderator's username (null when the author was deleted). */
  authorName: string | null;
  /** When the other side read it. */
  readAt: Date | null;
};

export type ThreadDto = {
  testimonyId: string;
  /** The submitter agreed to be contacted: staff may start or continue the conversation. */
  mayContact: boolean;
  messages: MessageDto[];
};

/**
 * The thread, oldest first. Staff opening it is a view of protected material (PRODUCT.md §2.7), one
 * audit entry; a page that shows it as part of a view already recorded (the review screen, whose
 * entry covers it) passes `{ partOfView: true }` so one page view stays one entry.
 */
export async function listThread(db: Db, viewer: Viewer | null, testimonyId: string, options: { partOfView?: boolean } = {}): Promise<ThreadDto> {
  // The access check and the messages side by side (issue 21: one round trip in sequence, not two);
  // the messages are dropped unread (still sealed) when the check refuses.
  const [t, rows] = await Promise.all([
    threadTestimony(db, viewer, testimonyId),
    isUuid(testimonyId)
      ? db
          .select({ id: messages.id, body: messages.body, dataKey: messages.dataKey, createdAt: messages.createdAt, readAt: messages.readAt, authorId: messages.authorId, authorName: users.username })
          .from(messages)
          .leftJoin(users, eq(users.id, messages.authorId))
          .where(eq(messages.testimonyId, testimonyId))
          .orderBy(asc(messages.createdAt), asc(messages.id))
      : Promise.resolve([]),
  ]);
  if (t.side === 'staff' && !options.partOfView) {
    await recordView(db, { actorId: viewer!.userId, kind: 'thread', targetType: 'testimony', targetId: t.id, details: { messages: rows.length } });
  }
  return {
    testimonyId: t.id,
    mayContact: t.mayContact,
    messages: rows.map((r) => {
      const from = r.authorId === t.submitterId ? 'submitter' : 'staff';
      return {
        id: r.id,
        body: openText('message', r),
        createdAt: r.createdAt,
        from,
        mine: r.authorId === viewer!.userId,
        authorName: t.side === 'staff' && from === 'staff' ? r.authorName : null,
        readAt: r.readAt,
      };
    }),
  };
}

/**
 * Marks the other side's messages in the thread as read by the viewer. A separate call (not a
 * side effect of listing) so that a page render stays a read; returns how many were marked.
 */
export async function markThreadRead(db: Db, viewer: Viewer | null, testimonyId: string): Promise<number> {
  const t = await threadTestimony(db, viewer, testimonyId);
  const fromOtherSide =
    t.side === 'submitter'
      ? sql`(${messages.authorId} is null or ${messages.authorId} <> ${t.submitterId})`
      : eq(messages.authorId, t.submitterId);
  const marked = await db
    .update(messages)
    .set({ readAt: new Date() })
    .where(and(eq(messages.testimonyId, t.id), isNull(messages.readAt), fromOtherSide))
    .returning({ id: messages.id });
  return marked.length;
}

/**
 * A submitter's unread messages from moderators, per testimony of theirs (the in-app notification
 * of PRODUCT.md §4). Only the viewer's own testimonies are ever counted.
 */
export async function unreadForSubmitter(db: Db, viewer: Viewer | null): Promise<Record<string, number>> {
  requirePermission(viewer, 'testimony.read.own');
  const rows = await db
    .select({ testimonyId: messages.testimonyId, n: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(testimonies, eq(testimonies.id, messages.testimonyId))
    .where(and(eq(testimonies.submitterId, viewer!.userId), isNull(messages.readAt), sql`${messages.authorId} is distinct from ${viewer!.userId}`))
    .groupBy(messages.testimonyId);
  return Object.fromEntries(rows.map((r) => [r.testimonyId, Number(r.n)]));
}

/** Staff: unread replies from submitters on the given testimonies (for the queue and review). */
export async function unreadRepliesForStaff(db: Db, viewer: Viewer | null, testimonyIds: string[]): Promise<Record<string, number>> {
  requirePermission(viewer, 'testimony.read.any');
  if (testimonyIds.length === 0) return {};
  const rows = await db
    .select({ testimonyId: messages.testimonyId, n: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(testimonies, eq(testimonies.id, messages.testimonyId))
    .where(and(inArray(messages.testimonyId, testimonyIds), isNull(messages.readAt), eq(messages.authorId, testimonies.submitterId), ne(testimonies.status, 'draft')))
    .groupBy(messages.testimonyId);
  return Object.fromEntries(rows.map((r) => [r.testimonyId, Number(r.n)]));
}
