import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, collections, jobs, testimonies } from '@/db/schema';
import { deleteMediaKind } from '@/lib/media/delete';
import { insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { purgeStaleDrafts } from './purge';

describe.each(testDatabases())('stale draft purge on $name', (target) => {
  const ctx = useTestDatabase(target);
  let collectionId: string;
  let submitterId: string;

  beforeAll(async () => {
    const [c] = await ctx.db.insert(collections).values({ slug: 'purge', nameFa: 'پاک', nameEn: 'Purge' }).returning();
    collectionId = c!.id;
    submitterId = await insertUser(ctx.db, 'purge-submitter', 'submitter');
  });

  it('deletes old drafts with their attachment rows and queues their stored files for deletion', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const [stale] = await ctx.db.insert(testimonies).values({ collectionId, submitterId, status: 'draft', updatedAt: old }).returning();
    const [submitted] = await ctx.db.insert(testimonies).values({ collectionId, submitterId, status: 'submitted', updatedAt: old }).returning();
    const [fresh] = await ctx.db.insert(testimonies).values({ collectionId, submitterId, status: 'draft' }).returning();
    await ctx.db.insert(attachments).values({
      testimonyId: stale!.id,
      kind: 'image',
      mime: 'image/jpeg',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      originalKey: 'originals/stale-key',
      uploadedBy: submitterId,
    });

    expect(await purgeStaleDrafts(ctx.db, 30)).toBe(1);
    const left = await ctx.db.select({ id: testimonies.id }).from(testimonies);
    expect(left.map((r) => r.id).sort()).toEqual([submitted!.id, fresh!.id].sort());
    expect(await ctx.db.select().from(attachments).where(eq(attachments.testimonyId, stale!.id))).toEqual([]);
    const queued = await ctx.db.select().from(jobs).where(eq(jobs.kind, deleteMediaKind));
    expect(queued.map((j) => j.payload)).toEqual([{ keys: ['originals/stale-key'] }]);
    expect(await purgeStaleDrafts(ctx.db, 30)).toBe(0);
  });
});
