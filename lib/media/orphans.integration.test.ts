// Files left by a crash between storing a file and committing its row are deleted by the sweep
// once older than the grace period; referenced files and recent ones (uploads in flight) are kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { sweepOrphanMedia } from './orphans';
import { localStore, newKey } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-orphans-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.each(testDatabases())('orphan media sweep on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('deletes old files no row names; keeps named files and recent ones', async () => {
    const store = localStore(path.join(root, target.name));
    const [named, derivative, orphan, recent] = [newKey('originals', 'pdf'), newKey('public', 'jpg'), newKey('originals', 'pdf'), newKey('public', 'jpg')];
    for (const key of [named, derivative, orphan, recent]) await store.put(key, Buffer.from(key));
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    for (const key of [named, derivative, orphan]) fs.utimesSync(path.join(root, target.name, key), hourAgo, hourAgo);
    await ctx.db.insert(attachments).values({ kind: 'image', mime: 'image/jpeg', sizeBytes: 1, sha256: 'x', originalKey: named, publicKey: derivative });

    expect(await sweepOrphanMedia(ctx.db, store, 60)).toBe(1);
    await expect(store.getBuffer(orphan)).rejects.toThrow();
    for (const key of [named, derivative, recent]) expect((await store.getBuffer(key)).toString()).toBe(key);
    expect(await sweepOrphanMedia(ctx.db, store, 60)).toBe(0);
  });
});
