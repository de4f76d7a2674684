// Moderators mark files public or moderators-only (issue 5), on both databases. A public file is
// served to readers only once its testimony is published; a moderators-only file, or a public file
// of an unpublished testimony, is the same 404 as an unknown id. A flagged file (metadata not
// removed), a documentation-only testimony and a portrait without the submitter's consent can
// never be made public. Only the claim holder may choose while the testimony is in review.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEntries, persons, testimonies, testimonyPersons } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type ActorName, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { setFfmpegAvailableForTests } from './ffmpeg';
import { listReviewAttachments, setAttachmentVisibility } from './review-files';
import { findServableMedia } from './serve';
import { receiveUpload } from './upload';

const codeOfCall = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: unknown) => (error instanceof AppError ? (error.fieldErrors?.visibility ?? error.code) : 'thrown'),
  );

describe.each(testDatabasesAndStores())('file visibility on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  useTemporaryMediaStore(target.store);
  let actors: Actors;
  let testimonyId: string;
  let imageId: string;
  let flaggedId: string;

  const setAs = (actor: ActorName, attachmentId: string, visibility: 'public' | 'moderators') =>
    codeOfCall(setAttachmentVisibility(ctx.db, actors[actor].viewer, { attachmentId, visibility }));
  const anonymousStatus = async (id: string) => ((await findServableMedia(ctx.db, null, id)) ? 200 : 404);
  const setTestimony = (values: Partial<typeof testimonies.$inferInsert>) => ctx.db.update(testimonies).set(values).where(eq(testimonies.id, testimonyId));

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    testimonyId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const upload = (path: string) => receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId, path, keepOriginal: false });
    ({ id: imageId } = await upload(await receivedFile(await leakyJpeg())));
    await runOneJob(ctx.db, jobHandlers);
    setFfmpegAvailableForTests(false);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
    ({ id: flaggedId } = await upload(await receivedFile(mp4)));
    await runOneJob(ctx.db, jobHandlers);
    setFfmpegAvailableForTests(undefined);
    await setTestimony({ status: 'in_review', claimedBy: actors.moderator.userId, claimedAt: new Date(), submittedAt: new Date() });
  });

  it('lists the files for staff only, with the flag and whether each can be public', async () => {
    const files = await listReviewAttachments(ctx.db, actors.moderator.viewer, testimonyId);
    expect(files.map((f) => [f.id, f.visibility, f.metadataRemoved, f.canBePublic])).toEqual([
      [imageId, 'moderators', true, true],
      [flaggedId, 'moderators', false, false],
    ]);
    expect(files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const actor of ['anonymous', 'submitterA', 'submitterB', 'moderatorWithout2fa'] as const) {
      expect(await codeOfCall(listReviewAttachments(ctx.db, actors[actor].viewer, testimonyId))).not.toBe('allowed');
    }
    const draft = await insertDraft(ctx.db, actors.submitterA.userId!);
    expect(await codeOfCall(listReviewAttachments(ctx.db, actors.moderator.viewer, draft))).toBe('not_found');
  });

  it('lets only the claim holder choose while in review; submitters get not_found', async () => {
    expect(await setAs('submitterA', imageId, 'public')).toBe('not_found');
    expect(await setAs('submitterB', imageId, 'public')).toBe('not_found');
    expect(await setAs('anonymous', imageId, 'public')).toBe('unauthenticated');
    expect(await setAs('moderatorWithout2fa', imageId, 'public')).toBe('second_factor_required');
    expect(await setAs('admin', imageId, 'public')).toBe('conflict');
    expect(await setAs('moderator', '00000000-0000-4000-8000-000000000000', 'public')).toBe('not_found');
    expect(await setAs('moderator', imageId, 'public')).toBe('allowed');
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'attachment.visibility'), eq(auditEntries.targetId, imageId)));
    expect(audit).toMatchObject({ actorId: actors.moderator.userId, details: { testimonyId, visibility: 'public' } });
  });

  it('never makes a flagged file public, not even by a direct update', async () => {
    expect(await setAs('moderator', flaggedId, 'public')).toBe('metadataNotRemoved');
    await expect(ctx.db.update(attachments).set({ visibility: 'public' }).where(eq(attachments.id, flaggedId))).rejects.toThrow();
    const [row] = await ctx.db.select({ v: attachments.visibility }).from(attachments).where(eq(attachments.id, flaggedId));
    expect(row!.v).toBe('moderators');
  });

  it('a public file of an unpublished testimony is 404 for readers; after publication 200; moderators-only stays 404', async () => {
    expect(await anonymousStatus(imageId)).toBe(404);
    const [t] = await ctx.db.select({ rev: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, testimonyId));
    await setTestimony({ status: 'published', publishedRevisionId: t!.rev, publishedAt: new Date(), claimedBy: null, claimedAt: null });
    expect(await anonymousStatus(imageId)).toBe(200);
    expect(await anonymousStatus(flaggedId)).toBe(404);
    // After publication any moderator may take a file back (a safety correction), audited.
    expect(await setAs('admin', imageId, 'moderators')).toBe('allowed');
    expect(await anonymousStatus(imageId)).toBe(404);
    expect(await setAs('moderator', imageId, 'public')).toBe('allowed');
    expect(await anonymousStatus(imageId)).toBe(200);
  });

  it('refuses public files for documentation-only testimonies and portraits without consent', async () => {
    await setTestimony({ consentPublish: 'documentation_only' });
    expect(await setAs('moderator', imageId, 'moderators')).toBe('allowed');
    expect(await setAs('moderator', imageId, 'public')).toBe('documentationOnly');
    await setTestimony({ consentPublish: 'public', portraitPublic: false });
    const [link] = await ctx.db.select({ personId: testimonyPersons.personId }).from(testimonyPersons).where(eq(testimonyPersons.testimonyId, testimonyId));
    await ctx.db.update(persons).set({ portraitAttachmentId: imageId }).where(eq(persons.id, link!.personId));
    expect(await setAs('moderator', imageId, 'public')).toBe('portraitNotConsented');
    expect((await listReviewAttachments(ctx.db, actors.moderator.viewer, testimonyId))[0]!.isPortrait).toBe(true);
    await setTestimony({ portraitPublic: true });
    expect(await setAs('moderator', imageId, 'public')).toBe('allowed');
  });

  it('refuses the submitter of the testimony, even as staff', async () => {
    const ownDraft = await insertDraft(ctx.db, actors.moderator.userId!);
    const { id } = await receiveUpload(ctx.db, actors.moderator.viewer!, {
      testimonyId: ownDraft,
      path: await receivedFile(await leakyJpeg()),
      keepOriginal: false,
    });
    await runOneJob(ctx.db, jobHandlers);
    await ctx.db.update(testimonies).set({ status: 'published' }).where(eq(testimonies.id, ownDraft));
    expect(await setAs('moderator', id, 'public')).toBe('own_testimony');
  });
});
