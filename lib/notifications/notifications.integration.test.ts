import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications, testimonies, testimonyRevisions } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { sendStaffMessage, replyAsSubmitter } from '@/lib/messages';
import { claimTestimony, releaseClaim } from '@/lib/moderation/claims';
import { rejectTestimony, requestChanges } from '@/lib/moderation/decisions';
import { approveText } from '@/lib/testing/approve';
import { updateSettings } from '@/lib/settings';
import { createActors, createSecondModerator, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { insertCollection, insertPerson, insertSubmittedTestimony, insertTestimony } from '@/lib/testing/public-fixtures';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { sealNarrative, testimonyKey } from '@/lib/testimonies/sealed';
import { withdrawTestimony } from '@/lib/testimonies/withdraw';
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationsRead, openNotification } from './';

describe.each(testDatabases())('notifications on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let collectionId: string;
  let second: Viewer | null;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    second = await createSecondModerator(ctx.db, 'moderator-notify');
    collectionId = await insertCollection(ctx.db);
  });

  const fourEyes = (on: boolean) => updateSettings(ctx.db, actors.admin.viewer, { four_eyes: on, coordinated_window_hours: 72 });
  beforeEach(() => fourEyes(false));

  const submitted = (submitterId = actors.submitterA.userId!) => insertSubmittedTestimony(ctx.db, { collectionId, submitterId, narrative: 'He was taken on 16 November.' });

  /** What the submitter of `testimonyId` was told, in order: [owner, kind, reason]. */
  async function told(testimonyId: string) {
    const rows = await ctx.db
      .select({ userId: notifications.userId, kind: notifications.kind, reason: notifications.reason })
      .from(notifications)
      .where(eq(notifications.testimonyId, testimonyId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    return rows.map((r) => [r.userId === actors.submitterA.userId ? 'A' : r.userId, r.kind, r.reason]);
  }

  it('claim, release, changes requested, resubmission, publication and taking down each tell the submitter once', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    await releaseClaim(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    await requestChanges(ctx.db, actors.moderator.viewer, { testimonyId: t.id, message: 'Which street?' });
    // The submitter's own move (resubmitting) tells them nothing.
    await ctx.db.transaction((tx) => transitionTestimony(tx, { testimonyId: t.id, event: 'submit', actorId: actors.submitterA.userId! }));
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    expect(await approveText(ctx.db, actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'He was taken.' })).toEqual({ outcome: 'published', visibility: 'public' });
    await ctx.db.transaction((tx) => transitionTestimony(tx, { testimonyId: t.id, event: 'unpublish', actorId: actors.admin.userId! }));
    expect(await told(t.id)).toEqual([
      ['A', 'review_started', null],
      ['A', 'review_released', null],
      ['A', 'review_started', null],
      ['A', 'changes_requested', null],
      ['A', 'review_started', null],
      ['A', 'published', null],
      ['A', 'unpublished', null],
    ]);
    // The decision's note is in the thread; it adds no second notice beside the decision's own.
  });

  it('a rejection carries its reason code, never the note; withdrawing tells nobody', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    await rejectTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id, reason: 'out_of_scope', note: 'Secret note words' });
    expect(await told(t.id)).toEqual([
      ['A', 'review_started', null],
      ['A', 'rejected', 'out_of_scope'],
    ]);
    const u = await submitted();
    await withdrawTestimony(ctx.db, actors.submitterA.viewer, u.id);
    expect(await told(u.id)).toEqual([]);
  });

  it('a first four-eyes approval changes nothing the submitter sees and tells nothing; the publication does', async () => {
    const t = await submitted();
    await fourEyes(true);
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    expect(await approveText(ctx.db, actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'Taken.' })).toEqual({ outcome: 'awaiting_second_approval' });
    expect(await told(t.id)).toEqual([['A', 'review_started', null]]);
    expect(await approveText(ctx.db, second, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'Taken.' })).toEqual({ outcome: 'published', visibility: 'public' });
    expect(await told(t.id)).toEqual([['A', 'review_started', null], ['A', 'published', null]]);
  });

  it('an edit of a published testimony: published or declined (with its reason), each told once', async () => {
    for (const decision of ['publish', 'reject'] as const) {
      const person = await insertPerson(ctx.db, { collectionId });
      const id = await insertTestimony(ctx.db, { collectionId, submitterId: actors.submitterA.userId!, personIds: [person.id], status: 'published', narrative: 'First.', redacted: 'First.' });
      const [row] = await ctx.db.select({ dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, id));
      const [rev] = await ctx.db.insert(testimonyRevisions).values({ testimonyId: id, number: 2, relationship: 'mother', hand: 'first', narrative: sealNarrative(testimonyKey(row!)!, 'Second.') }).returning({ id: testimonyRevisions.id });
      await ctx.db.update(testimonies).set({ currentRevisionId: rev!.id }).where(eq(testimonies.id, id));
      await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: id });
      if (decision === 'publish') await approveText(ctx.db, actors.moderator.viewer, { testimonyId: id, revisionId: rev!.id, redactedNarrative: 'Second.' });
      else await rejectTestimony(ctx.db, actors.moderator.viewer, { testimonyId: id, reason: 'not_credible', note: '' });
      // Opening a published testimony's edit changes nothing the submitter sees.
      expect(await told(id)).toEqual([decision === 'publish' ? ['A', 'revision_published', null] : ['A', 'revision_rejected', 'not_credible']]);
    }
  });

  it('a moderator message tells the submitter; the submitter’s own reply and a refused message do not', async () => {
    const t = await submitted();
    await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: t.id, body: 'Which street was it?' });
    await replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: t.id, body: 'Near the square.' });
    await ctx.db.update(testimonies).set({ mayContact: false }).where(eq(testimonies.id, t.id));
    expect(await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: t.id, body: 'x' })).toMatchObject({ status: 'refused' });
    expect(await told(t.id)).toEqual([['A', 'message', null]]);
  });

  it('a move that does not commit leaves no notification, and a lost race adds none', async () => {
    const t = await submitted();
    await expect(
      ctx.db.transaction(async (tx) => {
        await transitionTestimony(tx, { testimonyId: t.id, event: 'claim', actorId: actors.moderator.userId! });
        throw new Error('crash after the move');
      }),
    ).rejects.toThrow('crash after the move');
    expect(await told(t.id)).toEqual([]);
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    expect(await codeOf(claimTestimony(ctx.db, second, { testimonyId: t.id }))).toBe('conflict');
    expect(await told(t.id)).toEqual([['A', 'review_started', null]]);
  });

  it('the owner lists newest first in keyset pages, counts unread, and marks read', async () => {
    const t = await submitted(actors.submitterB.userId!);
    for (let i = 0; i < 3; i++) {
      await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
      await releaseClaim(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    }
    expect(await countUnreadNotifications(ctx.db, actors.submitterB.viewer)).toBe(6);
    const first = await listNotifications(ctx.db, actors.submitterB.viewer, { limit: 4 });
    expect(first.items.map((n) => n.kind)).toEqual(['review_released', 'review_started', 'review_released', 'review_started']);
    expect(first.items.every((n) => n.unread && n.testimonyId === t.id && n.about.length === 1)).toBe(true);
    const rest = await listNotifications(ctx.db, actors.submitterB.viewer, { limit: 4, cursor: first.nextCursor! });
    expect(rest.items.map((n) => n.kind)).toEqual(['review_released', 'review_started']);
    expect(rest.nextCursor).toBeNull();
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(6);
    expect(all.map((n) => n.createdAt.getTime())).toEqual([...all.map((n) => n.createdAt.getTime())].sort((x, y) => y - x));

    expect(await markNotificationsRead(ctx.db, actors.submitterB.viewer, first.items.map((n) => n.id))).toBe(4);
    expect(await countUnreadNotifications(ctx.db, actors.submitterB.viewer)).toBe(2);
    expect((await listNotifications(ctx.db, actors.submitterB.viewer, { limit: 1 })).items[0]!.unread).toBe(false);
    expect(await codeOf(listNotifications(ctx.db, actors.submitterB.viewer, { cursor: 'bm90IGEgY3Vyc29y' }))).toBe('invalid_input');
  });

  it('submitter B cannot read, count or mark A’s notifications (and A still can)', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    const mine = await listNotifications(ctx.db, actors.submitterA.viewer);
    const ofT = mine.items.filter((n) => n.testimonyId === t.id);
    expect(ofT.map((n) => n.kind)).toEqual(['review_started']);
    const unreadA = await countUnreadNotifications(ctx.db, actors.submitterA.viewer);
    expect(unreadA).toBeGreaterThan(0);

    const theirs = await listNotifications(ctx.db, actors.submitterB.viewer, { limit: 100 });
    expect(theirs.items.some((n) => n.testimonyId === t.id)).toBe(false);
    expect(await markNotificationsRead(ctx.db, actors.submitterB.viewer, ofT.map((n) => n.id))).toBe(0);
    expect(await codeOf(openNotification(ctx.db, actors.submitterB.viewer, ofT[0]!.id))).toBe('not_found');
    expect(await codeOf(openNotification(ctx.db, actors.moderator.viewer, ofT[0]!.id))).toBe('not_found');
    await markAllNotificationsRead(ctx.db, actors.submitterB.viewer);
    // Over-blocking guard: A's count and list are untouched by B's attempt, and A can mark them.
    expect(await countUnreadNotifications(ctx.db, actors.submitterA.viewer)).toBe(unreadA);
    expect(await openNotification(ctx.db, actors.submitterA.viewer, ofT[0]!.id)).toEqual({ testimonyId: t.id });
    expect(await countUnreadNotifications(ctx.db, actors.submitterA.viewer)).toBe(unreadA - 1);
    expect(await markAllNotificationsRead(ctx.db, actors.submitterA.viewer)).toBe(unreadA - 1);
    expect(await countUnreadNotifications(ctx.db, actors.submitterA.viewer)).toBe(0);

    expect(await codeOf(listNotifications(ctx.db, actors.anonymous.viewer))).toBe('unauthenticated');
    expect(await codeOf(countUnreadNotifications(ctx.db, actors.anonymous.viewer))).toBe('unauthenticated');
    expect(await codeOf(markNotificationsRead(ctx.db, actors.anonymous.viewer, ofT.map((n) => n.id)))).toBe('unauthenticated');
  });
});
