import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, collections, testimonies } from '@/db/schema';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { createDraft } from '@/lib/testimonies';
import { collectionFormSchema, type CollectionInput } from '@/lib/validation/collection';
import { createCollection, listCollections, updateCollection } from './manage';

const token = () => `token-${Math.random().toString(36).slice(2)}-padding`;

describe.each(testDatabases())('collections on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  const aban: CollectionInput = { slug: 'aban-1398', nameFa: 'آبان ۹۸', nameEn: 'Aban 98', descriptionFa: null, descriptionEn: null, startsOn: '2019-11-15', endsOn: '2019-11-30', openForSubmissions: true };

  beforeAll(async () => {
    actors = await createActors(ctx.db);
  });

  it('a fresh installation has no collection: starting a testimony says so clearly instead of failing', async () => {
    expect(await codeOf(createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa' }))).toBe('no_open_collection');
  });

  it('an admin creates the first collection (audited), and submissions can start', async () => {
    const id = await createCollection(ctx.db, actors.admin.viewer, aban);
    expect(await listCollections(ctx.db, actors.admin.viewer)).toMatchObject([{ id, slug: 'aban-1398', openForSubmissions: true, persons: 0, testimonies: 0 }]);
    const draft = await createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa' });
    expect(draft.created).toBe(true);
    const log = await ctx.db.select({ action: auditEntries.action, details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.targetId, id));
    expect(log).toEqual([{ action: 'collection.create', details: { slug: 'aban-1398', openForSubmissions: true } }]);
  });

  it('closing the only open collection stops new testimonies; another open one takes them', async () => {
    const [existing] = await ctx.db.select().from(collections).where(eq(collections.slug, 'aban-1398'));
    await updateCollection(ctx.db, actors.admin.viewer, existing!.id, { ...aban, openForSubmissions: false });
    expect(await codeOf(createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa' }))).toBe('no_open_collection');
    const second = await createCollection(ctx.db, actors.admin.viewer, { ...aban, slug: 'dey-1396', nameEn: 'Dey 96' });
    const { id } = await createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa' });
    const [row] = await ctx.db.select({ collectionId: testimonies.collectionId }).from(testimonies).where(eq(testimonies.id, id));
    expect(row!.collectionId).toBe(second);
    const log = await ctx.db.select({ details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.action, 'collection.edit'));
    expect(log[0]).toEqual({ details: { fields: ['openForSubmissions'] } });
  });

  it('with two open collections the submitter chooses: each receives the testimony chosen for it, none is guessed', async () => {
    const [aban98] = await ctx.db.select().from(collections).where(eq(collections.slug, 'aban-1398'));
    await updateCollection(ctx.db, actors.admin.viewer, aban98!.id, { ...aban, openForSubmissions: true });
    const fieldErrorOf = (p: Promise<unknown>) => p.then(() => null, (e: { fieldErrors?: unknown }) => e.fieldErrors);
    expect(await fieldErrorOf(createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa' }))).toEqual({ collection: 'collectionRequired' });
    const collectionOf = async (id: string) => (await ctx.db.select({ c: collections.slug }).from(testimonies).innerJoin(collections, eq(collections.id, testimonies.collectionId)).where(eq(testimonies.id, id)))[0]!.c;
    const first = await createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa', collection: 'aban-1398' });
    const second = await createDraft(ctx.db, actors.submitterB.viewer, { token: token(), language: 'en', collection: 'dey-1396' });
    expect([await collectionOf(first.id), await collectionOf(second.id)]).toEqual(['aban-1398', 'dey-1396']);
    // A closed or unknown collection's address is refused, not silently replaced by another.
    await updateCollection(ctx.db, actors.admin.viewer, aban98!.id, { ...aban, openForSubmissions: false });
    expect(await fieldErrorOf(createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa', collection: 'aban-1398' }))).toEqual({ collection: 'collectionClosed' });
    expect(await fieldErrorOf(createDraft(ctx.db, actors.submitterA.viewer, { token: token(), language: 'fa', collection: 'nope' }))).toEqual({ collection: 'collectionClosed' });
    // The same start token replayed for another collection is not a retry.
    const replay = token();
    await createDraft(ctx.db, actors.submitterA.viewer, { token: replay, language: 'fa', collection: 'dey-1396' });
    await updateCollection(ctx.db, actors.admin.viewer, aban98!.id, { ...aban, openForSubmissions: true });
    expect(await codeOf(createDraft(ctx.db, actors.submitterA.viewer, { token: replay, language: 'fa', collection: 'aban-1398' }))).toBe('conflict');
    await updateCollection(ctx.db, actors.admin.viewer, aban98!.id, { ...aban, openForSubmissions: false });
  });

  it('refuses a taken slug as a field error, and checks the form', async () => {
    expect(await createCollection(ctx.db, actors.admin.viewer, aban).catch((e: { fieldErrors?: unknown }) => e.fieldErrors)).toEqual({ slug: 'slugTaken' });
    const parsed = collectionFormSchema.safeParse({ locale: 'en', slug: 'Aban 98', nameFa: '', nameEn: 'x', startsOn: '2019-12-01', endsOn: '2019-11-01' });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({ slug: 'slugInvalid', nameFa: 'required' });
    const dates = collectionFormSchema.safeParse({ locale: 'en', slug: 'ok', nameFa: 'x', nameEn: 'x', startsOn: '2019-12-01', endsOn: '2019-11-01', openForSubmissions: 'on' });
    expect(dates.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endsOn', 'dateOrder']]);
  });

  it('moderators and submitters cannot list or change collections', async () => {
    for (const actor of [actors.moderator, actors.submitterA]) {
      expect(await codeOf(listCollections(ctx.db, actor.viewer))).toBe('not_found');
      expect(await codeOf(createCollection(ctx.db, actor.viewer, { ...aban, slug: 'x' }))).toBe('not_found');
    }
    expect(await codeOf(createCollection(ctx.db, actors.moderatorWithout2fa.viewer, { ...aban, slug: 'x' }))).toBe('second_factor_required');
  });
});
