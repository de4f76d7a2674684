import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { createDraft, getOwnDraft, getOwnTestimony, listOwnTestimonies, purgeStaleDrafts, saveDraftStep, submitTestimony, withdrawTestimony } from './index';
import { codeOf } from '@/lib/testing/outcome';
import { draftAccount, draftConsent, filledDraft as fillDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { formGate } from '@/lib/testing/form-gate';
import { insertPerson } from '@/lib/testing/public-fixtures';

const account = draftAccount;
const consent = draftConsent;
const token = formToken;

describe.each(testDatabases())('testimony submission on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  const a = () => actors.submitterA.viewer;
  const b = () => actors.submitterB.viewer;

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    actors = await createActors(ctx.db);
  });

  const filledDraft = (viewer = a()) => fillDraft(ctx.db, viewer);

  it('the same start token twice (double click, retry, back-and-resubmit) creates exactly one draft', async () => {
    const t = token();
    const results = await Promise.all([1, 2, 3].map(() => createDraft(ctx.db, a(), { token: t, language: 'fa' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await ctx.db.select().from(testimonies).where(eq(testimonies.idempotencyKey, t));
    expect(rows).toHaveLength(1);
    // Another submitter's identical token is their own draft, not A's.
    const other = await createDraft(ctx.db, b(), { token: t, language: 'fa' });
    expect(other.id).not.toBe(results[0]!.id);
  });

  it('submits: a revision, a proposed draft person with its creator, the status submitted', async () => {
    const id = await filledDraft();
    const t = token();
    expect(await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: t })).toEqual({ outcome: 'submitted', publicChanged: false });
    // The same review form posted again, and a fresh one after going back: still one revision.
    expect((await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: t })).outcome).toBe('unchanged');
    expect((await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: token() })).outcome).toBe('unchanged');
    const revisions = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ relationship: 'mother', eventDate: '2019-10-23', eventDatePrecision: 'month' });
    const [link] = await ctx.db.select().from(testimonyPersons).where(eq(testimonyPersons.testimonyId, id));
    const [person] = await ctx.db.select().from(persons).where(eq(persons.id, link!.personId));
    expect(person).toMatchObject({ status: 'draft', createdBy: actors.submitterA.userId, incidentDate: '2019-11-16', province: 'IR-23', aftermath: ['body_withheld'] });
    const detail = await getOwnTestimony(ctx.db, a(), id);
    expect(detail.status).toBe('submitted');
    expect(detail.timeline.map((e) => e.event)).toEqual(['create', 'submit']);
    expect(detail.consent).toMatchObject({ publish: 'public', credit: 'relationship', mayContact: false });
  });

  it('a draft about a person picked from the memorial is listed under their names, not as nobody yet', async () => {
    const [collection] = await ctx.db.select({ id: collections.id }).from(collections).limit(1);
    const reza = await insertPerson(ctx.db, { collectionId: collection!.id, nameFa: 'رضا نمونه‌زاده', nameLatin: 'Reza Example' });
    const hidden = await insertPerson(ctx.db, { collectionId: collection!.id, nameFa: 'پنهان', status: 'draft' });
    const { id } = await createDraft(ctx.db, a(), { token: token(), language: 'en' });
    await saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'about', values: { personId: [reza.id, hidden.id] } });
    const listed = (await listOwnTestimonies(ctx.db, a())).find((t) => t.id === id)!;
    // Only a person still public is named; both of their names, for the page to choose.
    expect(listed.about).toEqual([{ nameFa: 'رضا نمونه‌زاده', nameLatin: 'Reza Example' }]);
    expect((await getOwnTestimony(ctx.db, a(), id)).about).toEqual(listed.about);
  });

  it('an unfinished draft cannot be submitted, and says which steps are missing', async () => {
    const { id } = await createDraft(ctx.db, a(), { token: token(), language: 'en' });
    await saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'account', values: { narrative: 'half' } });
    const error = await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: token() }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: 'invalid_input', fieldErrors: { about: 'stepIncomplete', account: 'stepIncomplete' } });
  });

  it('submitter B cannot open, edit, submit or withdraw A’s draft or testimony (not_found)', async () => {
    const draft = await filledDraft();
    const submitted = await filledDraft();
    await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: submitted, token: token() });
    for (const id of [draft, submitted]) {
      expect(await codeOf(getOwnDraft(ctx.db, b(), id))).toBe('not_found');
      expect(await codeOf(getOwnTestimony(ctx.db, b(), id))).toBe('not_found');
      expect(await codeOf(saveDraftStep(ctx.db, b(), { testimonyId: id, step: 'account', values: account }))).toBe('not_found');
      expect(await codeOf(submitTestimony(ctx.db, b(), { ...formGate(),  testimonyId: id, token: token() }))).toBe('not_found');
      expect(await codeOf(withdrawTestimony(ctx.db, b(), id))).toBe('not_found');
    }
    expect((await listOwnTestimonies(ctx.db, b())).map((t) => t.id)).not.toContain(draft);
    expect(await codeOf(getOwnTestimony(ctx.db, b(), 'not-a-uuid'))).toBe('not_found');
    expect(await codeOf(getOwnTestimony(ctx.db, null, draft))).toBe('unauthenticated');
  });

  it('A can open, edit and withdraw their own (the rule does not over-block)', async () => {
    const id = await filledDraft();
    expect(await codeOf(getOwnDraft(ctx.db, a(), id))).toBe('ok');
    expect((await listOwnTestimonies(ctx.db, a())).map((t) => t.id)).toContain(id);
    expect((await withdrawTestimony(ctx.db, a(), id)).to).toBe('withdrawn');
    expect(await codeOf(saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'account', values: account }))).toBe('conflict');
  });

  it('editing a published testimony adds a revision in review and keeps the published one', async () => {
    const id = await filledDraft();
    await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: token() });
    const [first] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
    // Moderation's part, done directly: published with the first revision.
    await ctx.db.update(testimonies).set({ status: 'published', publishedRevisionId: first!.id }).where(eq(testimonies.id, id));
    expect(await codeOf(saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'consent', values: consent }))).toBe('conflict');
    await saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'account', values: { ...account, narrative: 'متن تازه' } });
    expect(await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: token() })).toEqual({ outcome: 'revised', publicChanged: false });
    const [row] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
    expect(row).toMatchObject({ status: 'published', publishedRevisionId: first!.id });
    expect(row!.currentRevisionId).not.toBe(first!.id);
    expect((await getOwnTestimony(ctx.db, a(), id)).revisionInReview).toBe(true);
    // Withdrawing it changes the public memorial.
    expect((await withdrawTestimony(ctx.db, a(), id)).publicChanged).toBe(true);
  });

  it('purges drafts untouched for longer than the retention, and nothing else', async () => {
    const stale = await filledDraft();
    const fresh = await filledDraft();
    const submitted = await filledDraft();
    await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: submitted, token: token() });
    const old = new Date(Date.now() - 40 * 86_400_000);
    await ctx.db.update(testimonies).set({ updatedAt: old }).where(eq(testimonies.id, stale));
    await ctx.db.update(testimonies).set({ updatedAt: old }).where(eq(testimonies.id, submitted));
    expect(await purgeStaleDrafts(ctx.db, 30)).toBeGreaterThanOrEqual(1);
    const left = (await ctx.db.select({ id: testimonies.id }).from(testimonies)).map((r) => r.id);
    expect(left).not.toContain(stale);
    expect(left).toEqual(expect.arrayContaining([fresh, submitted]));
  });
});
