// Retention (issue 7, PRODUCT.md §2.10): one run of the worker's housekeeping sweeps, then of the
// media.delete jobs they queue. Target: 0 rows or stored files past policy, and everything within
// policy (younger material, other statuses, live counters) kept — files included.
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, collections, persons, rateLimits, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { housekeepingSweeps } from '@/lib/jobs/housekeeping';
import { runOneJob } from '@/lib/jobs/worker';
import { receiveUpload } from '@/lib/media/upload';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { leakyJpeg, receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { recordFigure } from '@/lib/testing/security-figures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { idempotencyKeyDays } from './purge';
import { submitTestimony } from './submit';
import type { TestimonyStatus } from './lifecycle';
import { formGate } from '@/lib/testing/form-gate';

const config = { DRAFT_RETENTION_DAYS: 30, CLOSED_RETENTION_DAYS: 90, MEDIA_ORPHAN_MINUTES: 60 };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const policyDays: Partial<Record<TestimonyStatus, number>> = { draft: 30, rejected: 90, withdrawn: 90 };

describe.each(testDatabases())('retention sweeps on $name', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore();
  let actors: Actors;

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    actors = await createActors(ctx.db);
  });

  /** A testimony with one processed photo (original kept, public copy made), left in `status` for `age` days. */
  async function testimonyWithFile(status: TestimonyStatus, age: number) {
    const viewer = actors.submitterA.viewer;
    const id = await filledDraft(ctx.db, viewer);
    await receiveUpload(ctx.db, viewer!, { testimonyId: id, path: await receivedFile(await leakyJpeg()), keepOriginal: true });
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    if (status !== 'draft') await submitTestimony(ctx.db, viewer, { ...formGate(),  testimonyId: id, token: formToken() });
    // Straight to the state and age under test (the lifecycle's own moves are tested elsewhere).
    await ctx.db.update(testimonies).set({ status, updatedAt: daysAgo(age), createdAt: daysAgo(age) }).where(eq(testimonies.id, id));
    return id;
  }

  it('deletes material past policy with its files and proposed persons, and keeps everything within it', async () => {
    const cases: { id: string; status: TestimonyStatus; age: number; expired: boolean }[] = [];
    for (const status of ['draft', 'rejected', 'withdrawn', 'submitted', 'published'] as const) {
      for (const age of [10, 31, 91, 400]) {
        const policy = policyDays[status];
        cases.push({ id: await testimonyWithFile(status, age), status, age, expired: policy !== undefined && age > policy });
      }
    }
    const expired = cases.filter((c) => c.expired).map((c) => c.id);
    const kept = cases.filter((c) => !c.expired).map((c) => c.id);
    const proposedOfExpired = await ctx.db.select({ id: testimonyPersons.personId }).from(testimonyPersons).where(inArray(testimonyPersons.testimonyId, expired));
    const keysOf = async (ids: string[]) => (await ctx.db.select({ key: attachments.originalKey, pub: attachments.publicKey }).from(attachments).where(inArray(attachments.testimonyId, ids))).flatMap((r) => [r.key!, r.pub!].map((k) => k.split('/')[1]!));
    const keptFiles = await keysOf(kept);
    const now = new Date();
    await ctx.db.insert(rateLimits).values([
      { key: 'sign-in:expired-counter', points: 5, expire: new Date(now.getTime() - 1000) },
      { key: 'sign-in:live-counter', points: 5, expire: new Date(now.getTime() + 60_000) },
    ]);
    // Idempotency keys: old revisions keep theirs until the sweep.
    await ctx.db.update(testimonyRevisions).set({ createdAt: daysAgo(idempotencyKeyDays + 1) }).where(inArray(testimonyRevisions.testimonyId, kept.slice(0, 4)));

    for (const sweep of housekeepingSweeps(config)) await sweep(ctx.db);
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');

    const rowsLeft = await ctx.db.select({ id: testimonies.id }).from(testimonies).where(inArray(testimonies.id, expired));
    const stored = [...(await media.files('originals')), ...(await media.files('public'))];
    const orphanFiles = stored.filter((f) => !keptFiles.includes(f));
    const personsLeft = await ctx.db.select({ id: persons.id }).from(persons).where(inArray(persons.id, proposedOfExpired.map((p) => p.id)));
    const staleKeys = [
      ...(await ctx.db.select({ id: testimonies.id, k: testimonies.idempotencyKey }).from(testimonies).where(inArray(testimonies.id, kept))).filter((r) => r.k && cases.find((c) => c.id === r.id)!.age > idempotencyKeyDays),
      ...(await ctx.db.select({ k: testimonyRevisions.idempotencyKey }).from(testimonyRevisions).where(inArray(testimonyRevisions.testimonyId, kept.slice(0, 4)))).filter((r) => r.k),
    ];
    // Submitting counts towards the live submission limits too: only the sign-in counters are this test's.
    const counters = (await ctx.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).filter((k) => k.startsWith('sign-in:'));
    const pastPolicy = rowsLeft.length + orphanFiles.length + personsLeft.length + staleKeys.length + (counters.includes('sign-in:expired-counter') ? 1 : 0);
    recordFigure({ figure: `rows or files past retention policy after the sweep (${expired.length} testimonies due)`, measured: pastPolicy, target: '0', ok: pastPolicy === 0 });
    expect({ rowsLeft, orphanFiles, personsLeft, staleKeys }).toEqual({ rowsLeft: [], orphanFiles: [], personsLeft: [], staleKeys: [] });
    expect(counters).toEqual(['sign-in:live-counter']);

    const keptRows = await ctx.db.select({ id: testimonies.id }).from(testimonies).where(inArray(testimonies.id, kept));
    const keptMissing = kept.length - keptRows.length + keptFiles.filter((f) => !stored.includes(f)).length;
    recordFigure({ figure: 'rows or files within policy lost by the sweep', measured: keptMissing, target: '0', ok: keptMissing === 0 });
    expect(keptRows).toHaveLength(kept.length);
    expect(stored.sort()).toEqual([...keptFiles].sort());
    // Clearing keys is not a change: the drafts' retention clock kept running.
    const [youngDraft] = await ctx.db.select({ updatedAt: testimonies.updatedAt }).from(testimonies).where(eq(testimonies.id, kept[0]!));
    expect(youngDraft!.updatedAt.getTime()).toBeLessThan(daysAgo(9).getTime());
  });
});
