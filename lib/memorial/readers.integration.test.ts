// Two app instances on one database, each with its own cache (as two `next start` processes each
// have their own data cache): a public change committed through one is seen through the other on
// its very next read, whichever table it touched, while unchanged data keeps coming from the cache
// and non-public changes (drafts, the review queue) leave the caches alone.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { createPublicReaders, type Memoize } from './readers';
import { readPublicDataVersion } from './version';

/** One instance: its own database pool and its own in-memory cache, which counts what it computes. */
function instance(db: Db) {
  const cache = new Map<string, Promise<unknown>>();
  const computed: string[] = [];
  const memoize: Memoize = (fn, key) => (...args) => {
    const k = JSON.stringify([key, args]);
    if (!cache.has(k)) {
      computed.push(k);
      cache.set(k, fn(...args));
    }
    return cache.get(k) as ReturnType<typeof fn>;
  };
  const readers = createPublicReaders({ db: async () => db, version: () => readPublicDataVersion(db), memoize });
  return { ...readers, computed };
}

describe.each(testDatabases())('public caches of two instances on $name', (target) => {
  const ctx = useTestDatabase(target);
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  let collectionId = '';
  let submitterId = '';
  let personId = '';
  let testimonyId = '';

  beforeAll(async () => {
    a = instance(ctx.db);
    b = instance(await ctx.openAnother());
    collectionId = await insertCollection(ctx.db);
    submitterId = await insertUser(ctx.db);
    personId = (await insertPerson(ctx.db, { collectionId, nameLatin: 'Coherent Example' })).id;
    testimonyId = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [personId], status: 'published', redacted: 'Shared text' });
  });

  const version = () => readPublicDataVersion(ctx.db);

  it('serves an unchanged read from the cache', async () => {
    expect((await b.publicTestimoniesForPerson(personId)).items).toHaveLength(1);
    const computed = b.computed.length;
    expect((await b.publicTestimoniesForPerson(personId)).items).toHaveLength(1);
    expect(b.computed.length).toBe(computed);
  });

  it('keeps browse pages but reads a text search afresh (the public cache keeps its bytes)', async () => {
    await b.publishedPersons({});
    const computed = b.computed.length;
    await b.publishedPersons({});
    expect(b.computed.length).toBe(computed);
    expect((await b.publishedPersons({ q: 'Afresh' })).items).toEqual([]);
    await ctx.db.insert(s.personAliases).values({ personId, name: 'Afresh Spelling', script: 'latin', normalized: 'afresh spelling' });
    expect((await b.publishedPersons({ q: 'Afresh' })).items.map((p) => p.id)).toEqual([personId]);
    expect(b.computed.length).toBe(computed);
  });

  it('a withdrawal through one instance is gone from the other on its next read', async () => {
    expect((await b.publishedPerson(personId))!.testimonyCount).toBe(1);
    expect((await b.memorialOverview()).testimoniesPublished).toBe(1);
    await ctx.db.transaction((tx) => transitionTestimony(tx, { testimonyId, event: 'withdraw', actorId: submitterId }));
    expect((await b.publicTestimoniesForPerson(personId)).items).toEqual([]);
    expect((await b.publishedPerson(personId))!.testimonyCount).toBe(0);
    expect((await b.memorialOverview()).testimoniesPublished).toBe(0);
  });

  it('a publication through one instance appears on the other on its next read', async () => {
    expect((await b.publicTestimoniesForPerson(personId)).items).toEqual([]);
    const id = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [personId], status: 'in_review', redacted: 'Now public' });
    await ctx.db.update(s.testimonies).set({ status: 'published' }).where(eq(s.testimonies.id, id));
    expect((await b.publicTestimoniesForPerson(personId)).items.map((t) => t.narrative)).toEqual(['Now public']);
  });

  it('hiding a person, adding a spelling and changing verification reach the other instance at once', async () => {
    expect((await b.publishedPersons({ q: 'Zamaneh' })).items).toEqual([]);
    await ctx.db.insert(s.personAliases).values({ personId, name: 'Zamaneh Yadgar', script: 'latin', normalized: 'zamaneh yadgar' });
    expect((await b.publishedPersons({ q: 'Zamaneh' })).items.map((p) => p.id)).toEqual([personId]);

    await ctx.db.update(s.persons).set({ verification: 'verified' }).where(eq(s.persons.id, personId));
    expect((await b.publishedPerson(personId))!.verification).toBe('verified');

    await ctx.db.update(s.persons).set({ status: 'hidden' }).where(eq(s.persons.id, personId));
    expect(await b.publishedPerson(personId)).toBeNull();
    expect((await b.memorialOverview()).personsDocumented).toBe(0);
    await ctx.db.update(s.persons).set({ status: 'published' }).where(eq(s.persons.id, personId));
    expect(await a.publishedPerson(personId)).not.toBeNull();
    expect(await b.publishedPerson(personId)).not.toBeNull();
  });

  it('a merge reaches the other instance at once', async () => {
    const other = (await insertPerson(ctx.db, { collectionId })).id;
    expect(await b.publishedPerson(other)).not.toBeNull();
    await ctx.db.update(s.persons).set({ mergedIntoId: personId }).where(eq(s.persons.id, other));
    expect(await b.publishedPerson(other)).toBeNull();
  });

  it('drafts, submissions and the review queue do not change the version', async () => {
    const before = await version();
    const draft = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [personId], status: 'draft', withPublishedRevision: false });
    await ctx.db.update(s.testimonies).set({ draft: null }).where(eq(s.testimonies.id, draft));
    await ctx.db.update(s.testimonies).set({ status: 'submitted' }).where(eq(s.testimonies.id, draft));
    await ctx.db.update(s.testimonies).set({ status: 'in_review', claimedAt: new Date() }).where(eq(s.testimonies.id, draft));
    await insertPerson(ctx.db, { collectionId, status: 'draft' });
    expect(await version()).toBe(before);
  });

  it('the version moves once per transaction, and only when it commits', async () => {
    const before = await version();
    const reader = await ctx.openAnother();
    let moved = 0;
    await ctx.db.transaction(async (tx) => {
      await tx.update(s.persons).set({ occupation: 'teacher' }).where(eq(s.persons.id, personId));
      moved = await readPublicDataVersion(tx);
      expect(moved).toBeGreaterThan(before);
      await tx.update(s.persons).set({ occupation: 'student' }).where(eq(s.persons.id, personId));
      // The second change in the same transaction does not move it again.
      expect(await readPublicDataVersion(tx)).toBe(moved);
      // Another instance (a separate pool on PostgreSQL) still sees the old version until commit.
      if (reader !== ctx.db) expect(await readPublicDataVersion(reader)).toBe(before);
    });
    expect(await version()).toBe(moved);
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.update(s.persons).set({ occupation: 'rolled back' }).where(eq(s.persons.id, personId));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await version()).toBe(moved);
    expect((await b.publishedPerson(personId))!.occupation).toBe('student');
  });
});
