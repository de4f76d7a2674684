// Which moves of a testimony its submitter hears about, and as what. A move the submitter made
// (submit, withdraw) tells them nothing new; a four-eyes approval and a moderator opening or
// leaving a published testimony's newer revision change nothing the submitter sees ("In review"
// stays "In review", "Published" stays "Published"). Every other move does.
import type { notificationKind } from '@/db/schema';
import type { TestimonyEvent } from '@/lib/testimonies/lifecycle';

export type NotificationKind = (typeof notificationKind.enumValues)[number];

export const notifiedEvents: Readonly<Partial<Record<TestimonyEvent, NotificationKind>>> = {
  claim: 'review_started',
  release: 'review_released',
  requestChanges: 'changes_requested',
  publish: 'published',
  reject: 'rejected',
  unpublish: 'unpublished',
  publishRevision: 'revision_published',
  rejectRevision: 'revision_rejected',
};

/** The job kind of an e-mail notice (lib/jobs/handlers.ts). Stored in the jobs table: never rename. */
export const emailNoticeJob = 'notification.email';
