// Issue 15: nothing reaches a public page that the review did not show. The public person and
// testimony DTOs are taken from the projection itself (their keys, whatever they are), and every
// key must have a row on the review's "what publishing will make public" tables; the person card
// previewed before publishing equals what the public page serves after.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments, testimonies } from '@/db/schema';
import { getPublicTestimoniesForPerson, getPublishedPerson } from '@/lib/memorial';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { claimTestimony } from './claims';
import { approveText } from '@/lib/testing/approve';
import { buildPreview } from './preview';
import { getPublicationPreview } from './publication-preview';
import { personFieldRows, testimonyFieldRows, type FieldFormat } from './public-fields';
import { getReview } from './review';

const format: FieldFormat = {
  choice: (group, value) => `${group}:${value}`,
  province: (code) => `province:${code}`,
  date: (iso, precision) => `${iso}/${precision}`,
  instant: (iso) => iso,
  yesNo: (v) => (v ? 'yes' : 'no'),
  credit: (c) => c.kind,
  number: (n) => String(n),
  list: (items) => items.join(', '),
  whenPublished: 'when published',
};

describe.each(testDatabases())('the review shows every public field on $name', (target) => {
  const ctx = useSeededDatabase(target);

  it('every key of the public person and testimony DTOs has a row, with the proposed facts in it; the preview is the published page', async () => {
    const person = await insertPerson(ctx.db, {
      collectionId: ctx.collectionId, status: 'draft', nameFa: 'نوید بهرامی', nameLatin: 'Navid Bahrami', outcome: 'injured', cause: 'Pellet wounds', perpetrator: 'basij',
      aftermath: ['family_threatened'], age: 23, incidentDate: '2019-11-16', incidentDatePrecision: 'exact', province: 'IR-07', city: 'Shiraz', place: 'Sattarkhan street',
    });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'submitted', redacted: null, withPublishedRevision: false });
    await ctx.db.insert(attachments).values({ testimonyId: id, kind: 'image', mime: 'image/jpeg', sizeBytes: 10, sha256: 'ab', publicKey: 'p/x', publicMime: 'image/webp', status: 'ready', metadataRemoved: true, caption: 'The square, photo by Maryam 09123456789', publicCaption: 'The square', visibility: 'public' });
    await ctx.db.insert(attachments).values({ testimonyId: id, kind: 'document', mime: 'application/pdf', sizeBytes: 10, sha256: 'cd', status: 'ready', metadataRemoved: true, caption: 'Private report' });
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id });

    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, id);
    const preview = await getPublicationPreview(ctx.db, ctx.actors.moderator.viewer, id, review);
    expect(preview.files.map((f) => f.caption)).toEqual(['The square']); // the moderators-only file is not listed
    const shown = preview.persons[0]!.person;
    const personRows = new Map(personFieldRows(shown, format).map((r) => [r.key, r.value]));
    for (const key of Object.keys(shown)) expect(personRows.has(key), `person field ${key} is shown on the review`).toBe(true);
    expect(Object.fromEntries(['outcome', 'cause', 'perpetrator', 'aftermath', 'age', 'incidentDate', 'province', 'city', 'place'].map((k) => [k, personRows.get(k)]))).toEqual({
      outcome: 'outcome:injured', cause: 'Pellet wounds', perpetrator: 'perpetrator:basij', aftermath: 'aftermath:family_threatened', age: '23',
      incidentDate: '2019-11-16/exact', province: 'province:IR-07', city: 'Shiraz', place: 'Sattarkhan street',
    });

    const redacted = 'What happened, redacted.';
    const text = buildPreview(review, redacted, preview.files);
    if (!text.visible) throw new Error('a public testimony is previewed');
    // Not published yet: no publication date is shown as if it were one (the walker saw "now").
    expect(text.testimony.publishedAt).toBeNull();
    expect(testimonyFieldRows(text.testimony, format).find((r) => r.key === 'publishedAt')?.value).toBe('when published');
    const [revisionId] = (await ctx.db.select({ r: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, id))).map((r) => r.r!);
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, revisionId: revisionId!, redactedNarrative: redacted });

    // After publication, the DTOs the public pages get: their keys are the contract.
    const published = (await getPublishedPerson(ctx.db, person.id))!;
    const publicTestimony = (await getPublicTestimoniesForPerson(ctx.db, person.id)).items[0]!;
    for (const key of Object.keys(published)) expect(personRows.has(key), `person field ${key}`).toBe(true);
    const testimonyRows = new Set(testimonyFieldRows(text.testimony, format).map((r) => r.key));
    for (const key of Object.keys(publicTestimony)) expect(testimonyRows.has(key), `testimony field ${key} is shown on the review`).toBe(true);
    // What was previewed is what is served (publication instants aside).
    const { publishedAt: _p, updatedAt: _u, ...previewed } = shown;
    expect(published).toMatchObject(previewed);
    expect(publicTestimony).toMatchObject({ narrative: redacted, credit: text.testimony.credit, place: text.testimony.place, attachments: text.testimony.attachments });
  });
});
