import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns';
import { rejectReason, testimonies } from './testimonies';
import { users } from './users';

/**
 * What happened, as a code: the text is built when the notification is shown, in the reader's
 * language (lib/notifications, `Notifications.kinds.*`), so no prose and no content is stored.
 */
export const notificationKind = pgEnum('notification_kind', [
  'review_started',
  'review_released',
  'changes_requested',
  'published',
  'rejected',
  'unpublished',
  'revision_published',
  'revision_rejected',
  'message',
]);

/**
 * In-app notices for a submitter about their own testimony, written in the same transaction as
 * the status change or message they report (lib/notifications/record.ts). Read only by their owner.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    testimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    /** A rejection's reason code (shown translated), never the moderator's note. */
    reason: rejectReason(),
    createdAt: createdAt(),
    readAt: tstz(),
  },
  (t) => [
    // The list, newest first, keyset-paged on (created_at, id).
    index('notifications_user_created_at_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The unread count on every non-public page.
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_testimony_idx').on(t.testimonyId),
  ],
);
