// Views of protected material leave exactly one audit entry each (PRODUCT.md §2.7, issue 23 §3):
// a moderator opening the review of an unpublished testimony, downloading its original, opening its
// message thread. The chain still verifies, and no entry holds the narrative (a canary phrase).
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { setFfmpegAvailableForTests } from '@/lib/media/ffmpeg';
import { findServableMedia } from '@/lib/media/serve';
import { receiveUpload } from '@/lib/media/upload';
import { listThread } from '@/lib/messages';
import { getReview } from '@/lib/moderation/review';
import { submitTestimony } from '@/lib/testimonies';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { formGate } from '@/lib/testing/form-gate';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { verifyAuditChain } from './append';
import { browseAuditLog } from './browse';

const canary = 'CANARY-narrative-7f3a9c';

describe.each(testDatabases())('views of protected material on $name', (target) => {
  const ctx = useTestDatabase(target);
  useTemporaryMediaStore();
  let actors: Actors;
  let testimonyId: string;
  let fileId: string;
  let fileBytes: Buffer;

  const lastId = async () => (await ctx.db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)::int` }).from(auditEntries))[0]!.id;
  const entriesSince = (id: number) => ctx.db.select().from(auditEntries).where(gt(auditEntries.id, id)).orderBy(auditEntries.id);

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    await insertCollection(ctx.db);
    testimonyId = await filledDraft(ctx.db, actors.submitterA.viewer, { account: { narrative: `پسرم آن روز به خانه برنگشت. ${canary}` } });
    // A file no metadata-free copy can be made of (no ffmpeg): staff see the original itself.
    setFfmpegAvailableForTests(false);
    fileBytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64, 7)]);
    ({ id: fileId } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId, path: await receivedFile(fileBytes), keepOriginal: true }));
    await runOneJob(ctx.db, jobHandlers);
    setFfmpegAvailableForTests(undefined);
    await submitTestimony(ctx.db, actors.submitterA.viewer, { ...formGate(), testimonyId, token: formToken() });
  });

  it('a review of an unpublished testimony adds exactly one entry, without its text', async () => {
    const before = await lastId();
    const review = await getReview(ctx.db, actors.moderator.viewer, testimonyId);
    expect(review.revision?.narrative).toContain(canary);
    expect(review.status).not.toBe('published');
    const added = await entriesSince(before);
    expect(added.map((e) => [e.action, e.actorId, e.targetType, e.targetId])).toEqual([['view.review', actors.moderator.userId, 'testimony', testimonyId]]);
  });

  it('a download of an original adds exactly one entry', async () => {
    const before = await lastId();
    const media = await findServableMedia(ctx.db, actors.moderator.viewer, fileId);
    const bytes = await buffer(media!.body as Readable);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(fileBytes).digest('hex'));
    const added = await entriesSince(before);
    expect(added.map((e) => [e.action, e.actorId, e.targetType, e.targetId, e.details.testimonyId])).toEqual([['view.original', actors.moderator.userId, 'attachment', fileId, testimonyId]]);
  });

  it('the submitter fetching her own file and a refused fetch add nothing', async () => {
    const before = await lastId();
    expect(await findServableMedia(ctx.db, actors.submitterB.viewer, fileId)).toBeNull();
    expect(await findServableMedia(ctx.db, null, fileId)).toBeNull();
    expect(await entriesSince(before)).toEqual([]);
  });

  it('opening the thread adds one entry; shown within the review it adds none of its own', async () => {
    let before = await lastId();
    await listThread(ctx.db, actors.moderator.viewer, testimonyId);
    expect((await entriesSince(before)).map((e) => e.action)).toEqual(['view.thread']);
    before = await lastId();
    await listThread(ctx.db, actors.moderator.viewer, testimonyId, { partOfView: true });
    await listThread(ctx.db, actors.submitterA.viewer, testimonyId);
    expect(await entriesSince(before)).toEqual([]);
  });

  it('the internal reads that show nothing are not views', async () => {
    const before = await lastId();
    await getReview(ctx.db, actors.moderator.viewer, testimonyId, { record: false });
    expect(await entriesSince(before)).toEqual([]);
  });

  it('the audit-log page filters the views; the chain verifies; no entry holds the narrative', async () => {
    const page = await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'view' });
    expect(page.items.map((e) => e.action).sort()).toEqual(['view.original', 'view.review', 'view.thread']);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    const all = await ctx.db.select().from(auditEntries);
    expect(all.length).toBeGreaterThan(5);
    for (const entry of all) expect(JSON.stringify(entry)).not.toContain(canary);
    // The narrative's words, not only the canary: nothing Persian from it in any entry.
    for (const entry of all) expect(JSON.stringify(entry)).not.toContain('برنگشت');
  });
});
