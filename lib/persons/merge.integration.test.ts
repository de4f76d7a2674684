import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personAliases, persons, testimonyPersons } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { getPublicTestimoniesForPerson, getPublishedPerson } from '@/lib/memorial';
import { publicSurvivorOf } from '@/lib/memorial/merged';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { mergePersons, undoMerge } from './merge';
import { codeOf } from '@/lib/testing/outcome';


describe.each(testDatabases())('person merge on $name', (target) => {
  const ctx = useSeededDatabase(target);

  const linksOf = async (personId: string) => (await ctx.db.select({ t: testimonyPersons.testimonyId }).from(testimonyPersons).where(eq(testimonyPersons.personId, personId))).map((r) => r.t).sort();

  it('moves testimonies and aliases to the survivor, hides the duplicate, and undo restores both', async () => {
    const survivor = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const duplicate = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const both = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [survivor.id, duplicate.id], status: 'published' });
    const only = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [duplicate.id], status: 'published' });
    await ctx.db.insert(personAliases).values({ personId: duplicate.id, name: 'Dup Alias', script: 'latin', normalized: 'dup alias' });
    const before = { survivor: await linksOf(survivor.id), duplicate: await linksOf(duplicate.id) };

    await mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: duplicate.id, targetId: survivor.id });
    expect(await linksOf(survivor.id)).toEqual([both, only].sort());
    expect(await linksOf(duplicate.id)).toEqual([]);
    expect(await getPublishedPerson(ctx.db, duplicate.id)).toBeNull();
    // The duplicate's old URL now leads to the survivor.
    expect(await publicSurvivorOf(ctx.db, duplicate.id)).toEqual({ id: survivor.id, slug: survivor.slug });
    expect(await publicSurvivorOf(ctx.db, survivor.id)).toBeNull();
    expect((await getPublicTestimoniesForPerson(ctx.db, survivor.id)).items.map((t) => t.id).sort()).toEqual([both, only].sort());
    const aliases = await ctx.db.select({ name: personAliases.name }).from(personAliases).where(eq(personAliases.personId, survivor.id));
    expect(aliases.map((a) => a.name)).toContain('Dup Alias');
    expect(await codeOf(mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: duplicate.id, targetId: survivor.id }))).toBe('conflict');

    await undoMerge(ctx.db, ctx.actors.moderator.viewer, { sourceId: duplicate.id });
    expect({ survivor: await linksOf(survivor.id), duplicate: await linksOf(duplicate.id) }).toEqual(before);
    const [restored] = await ctx.db.select({ mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, duplicate.id));
    expect(restored!.mergedIntoId).toBeNull();
    expect((await ctx.db.select().from(personAliases).where(eq(personAliases.personId, survivor.id))).length).toBe(0);
    expect((await ctx.db.select().from(personAliases).where(eq(personAliases.personId, duplicate.id))).map((a) => a.name)).toEqual(['Dup Alias']);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('submitters cannot merge; a person cannot be merged into itself', async () => {
    const a = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const b = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    expect(await codeOf(mergePersons(ctx.db, ctx.actors.submitterA.viewer, { sourceId: a.id, targetId: b.id }))).toBe('not_found');
    expect(await codeOf(mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: a.id, targetId: a.id }))).toBe('not_found');
    expect(await codeOf(undoMerge(ctx.db, ctx.actors.moderator.viewer, { sourceId: a.id }))).toBe('not_found');
  });
});
