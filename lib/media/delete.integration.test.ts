// Deleting testimonies leaves no stored file behind: the keys are queued in the same transaction,
// and the media.delete job removes the sealed original and the public copy.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testimonies } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { enqueueMediaDeletion } from './delete';
import { receiveUpload } from './upload';

describe.each(testDatabasesAndStores())('media deletion on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);
  let actors: Actors;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
  });

  it('removes the original and the derivative of a deleted draft', async () => {
    const draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    const file = await receivedFile(await leakyJpeg());
    await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: draftId, path: file, keepOriginal: true });
    await runOneJob(ctx.db, jobHandlers);
    expect((await media.files('originals')).length).toBe(1);
    expect((await media.files('public')).length).toBe(1);

    await ctx.db.transaction(async (tx) => {
      expect(await enqueueMediaDeletion(tx, [draftId])).toBe(2);
      await tx.delete(testimonies).where(eq(testimonies.id, draftId));
    });
    expect(await runOneJob(ctx.db, jobHandlers)).toBe('done');
    expect(await media.files('originals')).toEqual([]);
    expect(await media.files('public')).toEqual([]);
    expect(await enqueueMediaDeletion(ctx.db, [])).toBe(0);
  });
});
