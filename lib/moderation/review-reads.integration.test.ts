// The review page's batched reads (issue 21): the likely duplicates of every linked person in one
// statement, the publication preview and the person editors of every linked person in one batch.
// Each must give what the per-person reads gave: the same persons, about the same linked person, in
// the same order, and the same refusals.
import { describe, expect, it } from 'vitest';
import { getStaffPerson, getPersonEditors } from '@/lib/persons/read';
import { nameSearchText } from '@/lib/search/normalize';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { codeOf } from '@/lib/testing/outcome';
import { insertPerson, insertTestimony, type PersonInput } from '@/lib/testing/public-fixtures';
import { getPublicationPreview } from './publication-preview';
import { getReview } from './review';

describe.each(testDatabases())('the review page reads on $name', (target) => {
  const ctx = useSeededDatabase(target);

  const person = (nameFa: string, nameLatin: string | null, extra: Omit<PersonInput, 'collectionId'> = {}) =>
    insertPerson(ctx.db, { collectionId: ctx.collectionId, nameFa, nameLatin, nameSearch: nameSearchText([nameFa, nameLatin]), ...extra });

  it('lists the likely duplicates of every linked person, person by person, never a linked or merged one', async () => {
    // Linked persons, in the review's order (by Persian name): آرش before ژیلا.
    const jila = await person('ژیلا یوسفی', 'Jila Yousefi');
    const arash = await person('آرش کمانگیر', 'Arash Kamangir');
    // Other records: one spelt like each linked person (Persian for one, Latin for the other), one
    // merged into another record (never offered), one unrelated.
    const jilaAgain = await person('ژیلا یوسفی', null, { status: 'draft' });
    const arashLatin = await person('آرش', 'Arash Kamangir');
    const target = await person('نام دیگر', null);
    await person('ژیلا یوسفی', 'Jila Yousefi', { mergedIntoId: target.id });
    await person('مریم احمدی', 'Maryam Ahmadi');
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [jila.id, arash.id], status: 'submitted', redacted: null, withPublishedRevision: false });

    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, id, { record: false });
    expect(review.persons.map((p) => p.id)).toEqual([arash.id, jila.id]);
    expect(review.duplicates.map((d) => ({ id: d.id, about: d.about }))).toEqual([
      { id: arashLatin.id, about: arash.id },
      { id: jilaAgain.id, about: jila.id },
    ]);
    expect(review.duplicates[1]).toMatchObject({ nameFa: 'ژیلا یوسفی', nameLatin: null, status: 'draft' });
  });

  it('previews and gives the editor of every linked person, in the review\'s order, as the one-person reads do, from the testimony\'s id alone', async () => {
    const first = await person('بهرام رضایی', 'Bahram Rezaei', { status: 'draft', age: 31, city: 'Tabriz' });
    const second = await person('پرستو نادری', 'Parastoo Naderi', { status: 'published' });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [second.id, first.id], status: 'submitted', redacted: null, withPublishedRevision: false });
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, id, { record: false });

    // Started before the review has resolved, as the review page does; the review decides the order.
    const preview = await getPublicationPreview(ctx.db, ctx.actors.moderator.viewer, id, getReview(ctx.db, ctx.actors.moderator.viewer, id, { record: false }));
    expect(preview.persons.map((p) => [p.person.id, p.status])).toEqual([[first.id, 'draft'], [second.id, 'published']]);
    expect(preview.persons[0]!.person).toMatchObject({ nameFa: 'بهرام رضایی', age: 31, city: 'Tabriz' });
    // A refused review refuses the preview.
    expect(await codeOf(getPublicationPreview(ctx.db, ctx.actors.moderator.viewer, id, getReview(ctx.db, ctx.actors.submitterA.viewer, id, { record: false })))).toBe(await codeOf(getReview(ctx.db, ctx.actors.submitterA.viewer, id, { record: false })));

    const editors = await getPersonEditors(ctx.db, ctx.actors.moderator.viewer, id);
    expect([...editors.keys()].sort()).toEqual(review.persons.map((p) => p.id).sort());
    for (const p of [first, second]) {
      const { aliases: _a, sources: _s, testimonies: _t, notes: _n, ...editor } = await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, p.id);
      expect(editors.get(p.id)).toEqual(editor);
    }
    // Unknown or malformed ids have none; the rule is the editor's own.
    expect((await getPersonEditors(ctx.db, ctx.actors.moderator.viewer, 'not-a-uuid')).size).toBe(0);
    expect((await getPersonEditors(ctx.db, ctx.actors.moderator.viewer, '00000000-0000-4000-8000-000000000000')).size).toBe(0);
    for (const viewer of [ctx.actors.submitterA.viewer, null]) {
      const refused = await codeOf(getPersonEditors(ctx.db, viewer, id));
      expect(refused).not.toBe('ok');
      expect(refused).toBe(await codeOf(getStaffPerson(ctx.db, viewer, first.id)));
    }
  });

  it('reads no person of a draft by its id (drafts are the submitter\'s alone)', async () => {
    const linked = await person('سارا کریمی', 'Sara Karimi', { status: 'draft' });
    const draft = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [linked.id], status: 'draft', redacted: null, withPublishedRevision: false });
    expect((await getPersonEditors(ctx.db, ctx.actors.moderator.viewer, draft)).size).toBe(0);
    expect(await codeOf(getReview(ctx.db, ctx.actors.moderator.viewer, draft, { record: false }))).toBe('not_found');
    const asIfFound = { id: draft, status: 'submitted', consent: { publish: 'public' }, persons: [{ id: linked.id, status: 'draft' }] } as unknown as Parameters<typeof getPublicationPreview>[3];
    expect((await getPublicationPreview(ctx.db, ctx.actors.moderator.viewer, draft, asIfFound)).persons).toEqual([]);
  });
});
