// Walk finding B: a published testimony could not be corrected or taken down. Any moderator (not
// its submitter) corrects the published redaction — a new revision readers see at once — under the
// redaction box's rules (stale tab, words brought back, four-eyes for new words), or takes it down.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, notifications, persons, testimonies, testimonyRevisions } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { getPublicTestimoniesForPerson } from '@/lib/memorial';
import { readPublicDataVersion } from '@/lib/memorial/version';
import { updateSettings } from '@/lib/settings';
import { createActors, createSecondModerator, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { correctPublishedRedaction, unpublishTestimony } from './correction';
import { suggestionKey, suggestRedactions } from './redaction';

const original = 'Maryam Soltani phoned from 09123456789 about Kaveh.';

describe.each(testDatabases())('correcting and taking down a published testimony on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let second: Viewer | null;
  let personId: string;
  let testimonyId: string;

  const row = async () => (await ctx.db.select().from(testimonies).where(eq(testimonies.id, testimonyId)))[0]!;
  const publicText = async () => (await getPublicTestimoniesForPerson(ctx.db, personId)).items.map((t) => t.narrative);
  const correct = (viewer: Viewer | null, text: string, options: { revision?: string; confirmed?: boolean; restore?: boolean } = {}) =>
    row().then((r) =>
      correctPublishedRedaction(ctx.db, viewer, { testimonyId, publishedRevisionId: options.revision ?? r.publishedRevisionId!, redactedNarrative: text, confirmed: options.confirmed ?? true, restore: options.restore }).then(
        (result) => result.publication,
        (error: unknown) => (error instanceof AppError ? { code: error.code, field: Object.values(error.fieldErrors ?? {})[0], values: error.values } : 'thrown'),
      ),
    );

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    second = await createSecondModerator(ctx.db, 'correction-second');
    const collectionId = await insertCollection(ctx.db);
    ({ id: personId } = await insertPerson(ctx.db, { collectionId, status: 'published' }));
    testimonyId = await insertTestimony(ctx.db, { collectionId, submitterId: actors.submitterA.userId!, personIds: [personId], status: 'published', narrative: original, redacted: 'Maryam Soltani phoned from [redacted] about Kaveh.' });
  });

  it('refuses the submitter and anyone without moderation rights', async () => {
    expect(await correct(actors.submitterA.viewer, '[redacted]')).toMatchObject({ code: 'not_found' });
    expect(await correct(actors.anonymous.viewer, '[redacted]')).toMatchObject({ code: 'unauthenticated' });
    const collectionId = (await row()).collectionId;
    const other = await insertPerson(ctx.db, { collectionId, status: 'published' });
    const own = await insertTestimony(ctx.db, { collectionId, submitterId: actors.moderator.userId!, personIds: [other.id], status: 'published' });
    const [r] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, own));
    await expect(correctPublishedRedaction(ctx.db, actors.moderator.viewer, { testimonyId: own, publishedRevisionId: r!.publishedRevisionId!, redactedNarrative: 'x', confirmed: true })).rejects.toMatchObject({ code: 'own_testimony' });
  });

  it('replaces the public text at once, only once confirmed, as a new revision; the replaced text leaves the clear', async () => {
    const before = await row();
    expect(await correct(actors.moderator.viewer, '[redacted] phoned from [redacted] about Kaveh.', { confirmed: false })).toMatchObject({ code: 'invalid_input', field: 'confirmCorrection' });
    expect(await publicText()).toEqual(['Maryam Soltani phoned from [redacted] about Kaveh.']);
    const version = await readPublicDataVersion(ctx.db);
    // Any moderator, without a claim: a takedown or correction cannot wait for a holder.
    expect(await correct(actors.admin.viewer, '[redacted] phoned from [redacted] about Kaveh.')).toBe('published');
    expect(await publicText()).toEqual(['[redacted] phoned from [redacted] about Kaveh.']);
    expect(await readPublicDataVersion(ctx.db)).toBeGreaterThan(version);
    const after = await row();
    expect(after.publishedRevisionId).not.toBe(before.publishedRevisionId);
    expect(after.currentRevisionId).toBe(after.publishedRevisionId);
    const [replaced] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, before.publishedRevisionId!));
    expect(replaced!.redactedNarrative).toBeNull();
    expect(replaced!.redactionDraft).not.toContain('Maryam');
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'testimony.redaction.correct'), eq(auditEntries.targetId, testimonyId)));
    expect(audit).toMatchObject({ actorId: actors.admin.userId, details: { replacedRevision: 1, revision: 2 } });
    expect(JSON.stringify(audit!.details)).not.toContain('Maryam');
  });

  it('refuses a tab opened on the replaced text, re-based on the correction', async () => {
    const [first] = await ctx.db.select({ id: testimonyRevisions.id }).from(testimonyRevisions).where(and(eq(testimonyRevisions.testimonyId, testimonyId), eq(testimonyRevisions.number, 1)));
    const refused = await correct(actors.moderator.viewer, 'Maryam Soltani phoned from [redacted] about [redacted].', { revision: first!.id });
    expect(refused).toMatchObject({ code: 'conflict', field: 'changedSinceOpened', values: { redactedNarrative: '[redacted] phoned from [redacted] about [redacted].' } });
  });

  it('brings removed words back only when confirmed, and new words need a second moderator with four-eyes', async () => {
    expect(await correct(actors.moderator.viewer, 'Maryam Soltani phoned from [redacted] about Kaveh.')).toMatchObject({ code: 'redaction_restored', field: 'redactionRestored' });
    await updateSettings(ctx.db, actors.admin.viewer, { four_eyes: true, coordinated_window_hours: 72 });
    expect(await correct(actors.moderator.viewer, 'A relative phoned about Kaveh.')).toBe('awaiting_second_approval');
    expect(await publicText()).toEqual(['[redacted] phoned from [redacted] about Kaveh.']);
    expect(await correct(second, 'A relative phoned about Kaveh.')).toBe('published');
    expect(await publicText()).toEqual(['A relative phoned about Kaveh.']);
    // Taking words out never waits for a second moderator.
    expect(await correct(actors.moderator.viewer, 'A relative phoned.')).toBe('published');
    expect(await publicText()).toEqual(['A relative phoned.']);
    await updateSettings(ctx.db, actors.admin.viewer, { four_eyes: false, coordinated_window_hours: 72 });
  });

  it('passes exactly the checks "Approve and publish" passes, before anything is public (walk: a name and a phone went public at once)', async () => {
    const collectionId = (await row()).collectionId;
    const other = await insertPerson(ctx.db, { collectionId, status: 'published' });
    const sent = 'من مریم احمدی‌نژاد هستم، دخترخالهٔ شهریار. پیکر شهریار را بردند.';
    const published = 'من از خویشان شهریار هستم. پیکر شهریار را بردند.';
    const id = await insertTestimony(ctx.db, { collectionId, submitterId: actors.submitterA.userId!, personIds: [other.id], status: 'published', narrative: sent, redacted: published });
    const [r] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
    const shown = async () => (await getPublicTestimoniesForPerson(ctx.db, other.id)).items.map((t) => t.narrative);
    const fix = (text: string, more: { restore?: boolean; notIdentifying?: string[] } = {}) =>
      correctPublishedRedaction(ctx.db, actors.moderator.viewer, { testimonyId: id, publishedRevisionId: r!.publishedRevisionId!, redactedNarrative: text, confirmed: true, ...more }).then(
        (result) => result.publication,
        (error: unknown) => (error instanceof AppError ? { code: error.code, field: Object.values(error.fieldErrors ?? {})[0], values: error.values } : 'thrown'),
      );
    // The witness's name, taken out by hand in the published text (the sentence rewritten), put back.
    const named = 'من مریم احمدی‌نژاد هستم. پیکر شهریار را بردند.';
    const restored = await fix(named);
    expect(restored).toMatchObject({ code: 'redaction_restored', field: 'redactionRestored' });
    expect(JSON.parse((restored as { values?: Record<string, string> }).values?.restored ?? '[]')).toEqual(expect.arrayContaining(['مریم', 'احمدی‌نژاد']));
    expect(await shown()).toEqual([published]);
    // A new phone number: refused until it is taken out or ticked "not identifying", the text given back.
    const withPhone = `${published} شمارهٔ برادرم ۰۹۳۵۱۱۱۲۲۳۳ است.`;
    expect(await fix(withPhone)).toMatchObject({ code: 'identifying_details', field: 'confirmNotIdentifying', values: { redactedNarrative: withPhone } });
    expect(await shown()).toEqual([published]);
    const found = suggestRedactions(withPhone);
    expect(found.map((f) => [f.kind, f.text])).toEqual([['phone', '۰۹۳۵۱۱۱۲۲۳۳']]);
    expect(await fix(withPhone, { notIdentifying: ['0:1'] })).toMatchObject({ code: 'identifying_details' });
    expect(await fix(withPhone, { notIdentifying: found.map(suggestionKey) })).toBe('published');
    expect(await shown()).toEqual([withPhone]);
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'testimony.redaction.correct'), eq(auditEntries.targetId, id)));
    expect(audit!.details).toMatchObject({ confirmedNotIdentifying: 1 });
    expect(JSON.stringify(audit!.details)).not.toContain('۰۹۳۵');
  });

  it('keeps a waiting edit of the submitter as the current revision', async () => {
    const published = (await row()).publishedRevisionId!;
    const [edit] = await ctx.db.insert(testimonyRevisions).values({ testimonyId, number: 50, relationship: 'mother', hand: 'first', narrative: (await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, published)))[0]!.narrative }).returning({ id: testimonyRevisions.id });
    await ctx.db.update(testimonies).set({ currentRevisionId: edit!.id }).where(eq(testimonies.id, testimonyId));
    expect(await correct(actors.moderator.viewer, 'A relative.')).toBe('published');
    expect((await row()).currentRevisionId).toBe(edit!.id);
    expect(await publicText()).toEqual(['A relative.']);
  });

  it('takes it down at once for any moderator; the submitter is told; not twice', async () => {
    await expect(unpublishTestimony(ctx.db, actors.submitterA.viewer, { testimonyId })).rejects.toMatchObject({ code: 'not_found' });
    const version = await readPublicDataVersion(ctx.db);
    await unpublishTestimony(ctx.db, actors.moderator.viewer, { testimonyId });
    expect((await row()).status).toBe('unpublished');
    expect(await publicText()).toEqual([]);
    expect(await readPublicDataVersion(ctx.db)).toBeGreaterThan(version);
    const told = await ctx.db.select().from(notifications).where(eq(notifications.userId, actors.submitterA.userId!));
    expect(told.map((n) => n.kind)).toContain('unpublished');
    await expect(unpublishTestimony(ctx.db, actors.admin.viewer, { testimonyId })).rejects.toMatchObject({ code: 'conflict' });
    expect(await correct(actors.moderator.viewer, 'x')).toMatchObject({ code: 'conflict' });
    expect((await ctx.db.select({ s: persons.status }).from(persons).where(eq(persons.id, personId)))[0]!.s).toBe('published');
  });
});
