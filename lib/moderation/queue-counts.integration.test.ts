// The queue's counts per status come from rows a trigger keeps (migration 0026): after every kind of
// move — submit, claim, release, request changes, resubmit, reject, publish, an edit of a published
// testimony, withdraw, delete, a bulk rebuild — they equal a count of the testimonies themselves.
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testimonies } from '@/db/schema';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { formGate } from '@/lib/testing/form-gate';
import { formToken, submittedTestimony } from '@/lib/testing/testimony-fixtures';
import { saveDraftStep, submitTestimony, withdrawTestimony } from '@/lib/testimonies';
import { claimTestimony, releaseClaim } from './claims';
import { rejectTestimony, requestChanges } from './decisions';
import { listQueue, queueStatuses } from './queue';

describe.each(testDatabases())('queue counts on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    await insertCollection(ctx.db);
  });

  /** The counts as the queue computed them before migration 0026: from the testimonies themselves. */
  async function countedDirectly() {
    const byStatus = await ctx.db
      .select({ status: testimonies.status, n: count() })
      .from(testimonies)
      .where(inArray(testimonies.status, ['submitted', 'in_review', 'changes_requested', 'awaiting_approval']))
      .groupBy(testimonies.status);
    const [edited] = await ctx.db
      .select({ n: count() })
      .from(testimonies)
      .where(and(eq(testimonies.status, 'published'), ne(testimonies.currentRevisionId, sql`${testimonies.publishedRevisionId}`)));
    const counts = Object.fromEntries(queueStatuses.map((s) => [s, 0]));
    for (const row of byStatus) counts[row.status] = row.n;
    counts.edited = edited!.n;
    return counts;
  }
  const expectCountsRight = async () => expect((await listQueue(ctx.db, actors.moderator.viewer)).counts).toEqual(await countedDirectly());

  it('follow every move of a testimony, and concurrent submissions', async () => {
    const a = actors.submitterA.viewer;
    const moderator = actors.moderator.viewer;
    await expectCountsRight();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => submittedTestimony(ctx.db, a, { account: { narrative: `Testimony ${i} told in its own words, nothing like the others ${i}.` } })));
    await expectCountsRight();
    const [first, second, third, fourth, fifth] = ids as [string, string, string, string, string];

    await claimTestimony(ctx.db, moderator, { testimonyId: first });
    await expectCountsRight();
    await releaseClaim(ctx.db, moderator, { testimonyId: first });
    await expectCountsRight();

    await claimTestimony(ctx.db, moderator, { testimonyId: second });
    await requestChanges(ctx.db, moderator, { testimonyId: second, message: 'Please add the date of the funeral.' });
    await expectCountsRight();
    await saveDraftStep(ctx.db, a, { testimonyId: second, step: 'account', values: { relationship: 'mother', hand: 'first', narrative: 'Changed as asked, with the date of the funeral.', eventCalendar: 'persian', eventPrecision: 'month', eventYear: '1398', eventMonth: '8' } });
    await submitTestimony(ctx.db, a, { ...formGate(), testimonyId: second, token: formToken() });
    await expectCountsRight();

    await claimTestimony(ctx.db, moderator, { testimonyId: third });
    await rejectTestimony(ctx.db, moderator, { testimonyId: third, reason: 'duplicate', note: '' });
    await expectCountsRight();

    // Published (as the decision's transition leaves it; the publication rules have their own tests).
    await ctx.db.update(testimonies).set({ status: 'published', publishedRevisionId: sql`${testimonies.currentRevisionId}`, publishedAt: new Date() }).where(eq(testimonies.id, fourth));
    await expectCountsRight();
    // An edit of the published testimony: counted under "edited" while the published one stays public.
    await saveDraftStep(ctx.db, a, { testimonyId: fourth, step: 'account', values: { relationship: 'mother', hand: 'first', narrative: 'An edit of the published testimony, with more detail.', eventCalendar: 'persian', eventPrecision: 'month', eventYear: '1398', eventMonth: '8' } });
    await submitTestimony(ctx.db, a, { ...formGate(), testimonyId: fourth, token: formToken() });
    expect((await listQueue(ctx.db, moderator)).counts.edited).toBe(1);
    await expectCountsRight();
    // The edit published: no longer in the queue.
    await ctx.db.update(testimonies).set({ publishedRevisionId: sql`${testimonies.currentRevisionId}` }).where(eq(testimonies.id, fourth));
    expect((await listQueue(ctx.db, moderator)).counts.edited).toBe(0);
    await expectCountsRight();

    await withdrawTestimony(ctx.db, a, fifth);
    await expectCountsRight();
    await ctx.db.delete(testimonies).where(eq(testimonies.id, first));
    await expectCountsRight();

    // A bulk load runs with the row triggers off and rebuilds the counts once (scripts/synthetic/load.ts).
    await ctx.db.execute(sql`delete from queue_counts`);
    await ctx.db.execute(sql`select queue_counts_rebuild()`);
    await expectCountsRight();
  });
});
