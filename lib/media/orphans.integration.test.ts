// Files left by a crash between storing a file and committing its row are deleted by the sweep
// once older than the grace period; referenced files and recent ones (uploads in flight) are kept.
// In the local folder and in an S3 bucket (a loopback S3-protocol server): the sweep lists the
// bucket page by page and goes by each object's LastModified, which the server sets.
import { describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/databases';
import { testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { sweepOrphanMedia } from './orphans';
import { newKey } from './storage';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabasesAndStores())('orphan media sweep on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);

  it('deletes old files no row names; keeps named files and recent ones', async () => {
    const store = media.store;
    const [named, derivative, orphan, recent] = [newKey('originals', 'pdf'), newKey('public', 'jpg'), newKey('originals', 'pdf'), newKey('public', 'jpg')];
    for (const key of [named, derivative, orphan]) await store.put(key, Buffer.from(key));
    // The grace period ends between the old files and the recent one, a second clear of each
    // (S3 gives LastModified to the second).
    await pause(1100);
    const graceEnds = Date.now();
    await pause(1100);
    await store.put(recent, Buffer.from(recent));
    await ctx.db.insert(attachments).values({ kind: 'image', mime: 'image/jpeg', sizeBytes: 1, sha256: 'x', originalKey: named, publicKey: derivative });
    const grace = () => (Date.now() - graceEnds) / 60_000;

    // With the production grace period (an hour), nothing here is old enough: the orphan stays.
    expect(await sweepOrphanMedia(ctx.db, store, 60)).toBe(0);
    expect((await store.getBuffer(orphan)).toString()).toBe(orphan);
    expect(await sweepOrphanMedia(ctx.db, store, grace())).toBe(1);
    await expect(store.getBuffer(orphan)).rejects.toThrow();
    for (const key of [named, derivative, recent]) expect((await store.getBuffer(key)).toString()).toBe(key);
    expect(await sweepOrphanMedia(ctx.db, store, grace())).toBe(0);
  });
});
