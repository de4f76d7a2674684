// A submitter removes a file from her own draft or from a testimony returned with "changes
// requested": the row goes with an audit entry, and the media.delete job removes the sealed
// original and the metadata-free copy. Submitter B (and a testimony no longer editable) get the
// same not_found as an unknown id, and B cannot read A's file either.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEntries, testimonies } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { listOwnAttachments } from './list';
import { removeOwnAttachment } from './remove';
import { findServableMedia } from './serve';
import { receiveUpload } from './upload';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: unknown) => (error instanceof AppError ? error.code : 'thrown'),
  );

describe.each(testDatabasesAndStores())('removing a file on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);
  let actors: Actors;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
  });

  async function uploadProcessed(testimonyId: string, keepOriginal: boolean) {
    // Distinct bytes per call (after the JPEG's end marker): the same bytes again would be taken
    // as a re-sent request for the file already received.
    const file = await receivedFile(Buffer.concat([await leakyJpeg(), randomBytes(16)]));
    const { id } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId, path: file, keepOriginal });
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    return id;
  }
  const remove = (actor: 'submitterA' | 'submitterB' | 'anonymous', attachmentId: string) =>
    codeOf(removeOwnAttachment(ctx.db, actors[actor].viewer, { attachmentId }));

  it("submitter B cannot read or remove A's file (404), A removes it and every stored copy goes", async () => {
    const draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const id = await uploadProcessed(draftId, true);
    expect(await media.files('originals')).toHaveLength(1);
    expect(await media.files('public')).toHaveLength(1);

    expect(await findServableMedia(ctx.db, actors.submitterB.viewer, id)).toBeNull();
    expect(await listOwnAttachments(ctx.db, actors.submitterB.viewer, draftId)).toEqual([]);
    expect(await remove('submitterB', id)).toBe('not_found');
    expect(await remove('anonymous', id)).toBe('unauthenticated');
    expect(await remove('submitterA', 'not-a-uuid')).toBe('not_found');

    expect(await remove('submitterA', id)).toBe('allowed');
    expect(await ctx.db.select().from(attachments).where(eq(attachments.id, id))).toEqual([]);
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'attachment.remove'), eq(auditEntries.targetId, id)));
    expect(audit).toMatchObject({ actorId: actors.submitterA.userId, details: { testimonyId: draftId, kind: 'image' } });
    expect(await runOneJob(ctx.db, jobHandlers)).toBe('done');
    expect(await media.files('originals')).toEqual([]);
    expect(await media.files('public')).toEqual([]);
    expect(await remove('submitterA', id)).toBe('not_found');
  });

  it('works while changes are requested, not once the testimony is with moderators', async () => {
    const testimonyId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const first = await uploadProcessed(testimonyId, false);
    const second = await uploadProcessed(testimonyId, false);
    await ctx.db.update(testimonies).set({ status: 'submitted' }).where(eq(testimonies.id, testimonyId));
    expect(await remove('submitterA', first)).toBe('not_found');
    await ctx.db.update(testimonies).set({ status: 'changes_requested' }).where(eq(testimonies.id, testimonyId));
    expect(await remove('submitterA', first)).toBe('allowed');
    expect((await listOwnAttachments(ctx.db, actors.submitterA.viewer, testimonyId)).map((f) => f.id)).toEqual([second]);
  });

  it('a file removed while its processing job waits leaves nothing behind', async () => {
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle'); // the earlier tests' deletions
    const draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const before = await media.files('public');
    // Distinct bytes per call (after the JPEG's end marker): the same bytes again would be taken
    // as a re-sent request for the file already received.
    const file = await receivedFile(Buffer.concat([await leakyJpeg(), randomBytes(16)]));
    const { id } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: draftId, path: file, keepOriginal: false });
    expect(await remove('submitterA', id)).toBe('allowed');
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    expect(await media.files('public')).toEqual(before);
    expect(await media.files('originals')).toEqual([]);
  });
});
