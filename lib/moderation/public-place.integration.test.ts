// A published testimony's public place changes only through its own moderation. Without the
// submitter's consent to the exact place, readers see the city of the person it is about: the
// review's preview shows it, publishing fixes it, and a later edit of the person's city (on the
// person's page, a moderator's or an import's) changes the person, not the published testimony;
// the testimony's next published revision shows the new city, seen first in that review's preview.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, persons, testimonies, testimonyRevisions } from '@/db/schema';
import { getPublicTestimoniesForPerson, getPublicTestimoniesForPersons, getPublishedPerson, listPublicTestimonies } from '@/lib/memorial';
import { getStaffPerson, updatePerson } from '@/lib/persons';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { editable } from '@/lib/testing/person-patch';
import { insertSubmittedTestimony } from '@/lib/testing/public-fixtures';
import { sealNarrative, testimonyKey } from '@/lib/testimonies/sealed';
import { claimTestimony } from './claims';
import { approveText } from '@/lib/testing/approve';
import { buildPreview } from './preview';
import { getReview } from './review';

describe.each(testDatabases())('a published testimony\'s place on $name', (target) => {
  const ctx = useSeededDatabase(target);

  const previewPlace = async (id: string) => {
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, id, { record: false });
    const preview = buildPreview(review, review.revision!.redactedNarrative ?? review.revision!.narrative);
    return preview.visible ? preview.testimony.place : undefined;
  };
  /** The place every public reader of the testimony gets: the person's page, the batch (mirror), the list (API, feed). */
  const publicPlaces = async (id: string, personId: string) => [
    (await getPublicTestimoniesForPerson(ctx.db, personId)).items.find((t) => t.id === id)?.place,
    (await getPublicTestimoniesForPersons(ctx.db, [personId])).get(personId)?.find((t) => t.id === id)?.place,
    (await listPublicTestimonies(ctx.db, { limit: 100 })).items.find((t) => t.id === id)?.place,
  ];
  const setCity = async (personId: string, city: string) => {
    const opened = await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, personId);
    await updatePerson(ctx.db, ctx.actors.moderator.viewer, personId, { ...editable(opened), city }, opened.version);
  };

  it('editing the person\'s city changes the person, not the published testimony; its next published revision shows it, previewed first', async () => {
    const t = await insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, narrative: 'They took him at the gate.' });
    await ctx.db.update(persons).set({ city: 'Shiraz' }).where(eq(persons.id, t.personId));
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    // What the moderator is shown before publishing is what is published.
    expect(await previewPlace(t.id)).toBe('Shiraz');
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'They took him at the gate.' });
    expect(await publicPlaces(t.id, t.personId)).toEqual(['Shiraz', 'Shiraz', 'Shiraz']);

    await setCity(t.personId, 'Tabriz');
    expect((await getPublishedPerson(ctx.db, t.personId))?.city).toBe('Tabriz');
    expect(await publicPlaces(t.id, t.personId)).toEqual(['Shiraz', 'Shiraz', 'Shiraz']);
    const edits = await ctx.db.select({ details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.targetId, t.personId));
    expect(edits.map((e) => e.details)).toContainEqual({ fields: ['city'] });

    // The submitter's edit goes through review: its preview shows the city now, and publishing it fixes that.
    const [row] = await ctx.db.select({ dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, t.id));
    const [revision] = await ctx.db.insert(testimonyRevisions).values({ testimonyId: t.id, number: 2, relationship: 'mother', hand: 'first', narrative: sealNarrative(testimonyKey(row!)!, 'They took him at the gate, at night.') }).returning({ id: testimonyRevisions.id });
    await ctx.db.update(testimonies).set({ currentRevisionId: revision!.id }).where(eq(testimonies.id, t.id));
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    expect(await previewPlace(t.id)).toBe('Tabriz');
    expect(await publicPlaces(t.id, t.personId)).toEqual(['Shiraz', 'Shiraz', 'Shiraz']);
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: revision!.id, redactedNarrative: 'They took him at the gate, at night.' });
    expect(await publicPlaces(t.id, t.personId)).toEqual(['Tabriz', 'Tabriz', 'Tabriz']);
  });
});
