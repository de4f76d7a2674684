// The data migration of encryption at rest: testimonies stored in plaintext before migration 0017
// are encrypted at start (draft and every revision), read back the same through the data
// functions, keep their retention clock, and are never encrypted twice; so are thread messages and
// internal notes stored before migration 0018, moderators' unpublished redactions before 0020, and
// places and credit names before 0021.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages, notes, testimonies, testimonyRevisions } from '@/db/schema';
import { listThread } from '@/lib/messages/thread';
import { listPublicTestimonies } from '@/lib/memorial/testimonies';
import { getReview } from '@/lib/moderation/review';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { getOwnDraft } from './drafts';
import { encryptLegacyFields, encryptLegacyRedactions, encryptLegacyTestimonies, encryptLegacyTexts } from './encrypt-legacy';
import { getOwnTestimony } from './own';

describe.each(testDatabases())('encrypting plaintext testimonies on $name', (target) => {
  const ctx = useSeededDatabase(target);

  /** A row as written before migration 0017: no key, plaintext draft and narratives. */
  async function legacyTestimony(status: 'draft' | 'submitted', text: string) {
    const updatedAt = new Date('2026-01-02T03:04:05Z');
    const draft = JSON.stringify({ account: { narrative: `draft ${text}` } });
    const [t] = await ctx.db.insert(testimonies).values({ collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, status, draft, updatedAt }).returning({ id: testimonies.id });
    const revisions = await ctx.db
      .insert(testimonyRevisions)
      .values([1, 2].map((number) => ({ testimonyId: t!.id, number, relationship: 'mother' as const, hand: 'first' as const, narrative: `revision ${number} ${text}` })))
      .returning({ id: testimonyRevisions.id });
    await ctx.db.update(testimonies).set({ currentRevisionId: revisions[1]!.id, updatedAt }).where(eq(testimonies.id, t!.id));
    return t!.id;
  }

  it('encrypts every plaintext testimony once, and the data functions read it back unchanged', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const modern = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'submitted', narrative: 'already encrypted', withPublishedRevision: false });
    const [before] = await ctx.db.select({ dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, modern));
    const draft = await legacyTestimony('draft', 'plain-one');
    const submitted = await legacyTestimony('submitted', 'plain-two');

    expect(await encryptLegacyTestimonies(ctx.db)).toBe(2);
    expect(await encryptLegacyTestimonies(ctx.db)).toBe(0);

    const rows = await ctx.db.select().from(testimonies).where(inArray(testimonies.id, [draft, submitted, modern]));
    expect(rows.every((r) => r.dataKey?.startsWith('k1.'))).toBe(true);
    expect(rows.find((r) => r.id === modern)!.dataKey).toBe(before!.dataKey);
    expect(rows.filter((r) => r.id !== modern).map((r) => r.updatedAt.toISOString())).toEqual(['2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z']);
    const stored = await ctx.db.select({ narrative: testimonyRevisions.narrative }).from(testimonyRevisions).where(inArray(testimonyRevisions.testimonyId, [draft, submitted]));
    expect(stored.filter((r) => r.narrative.includes('plain-'))).toEqual([]);
    expect(rows.filter((r) => r.draft?.includes('plain-'))).toEqual([]);

    expect((await getOwnDraft(ctx.db, ctx.actors.submitterA.viewer, draft)).draft.account?.narrative).toBe('draft plain-one');
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, submitted);
    expect([review.revision?.narrative, review.previousNarrative]).toEqual(['revision 2 plain-two', 'revision 1 plain-two']);
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, modern)).revision?.narrative).toBe('already encrypted');
  });

  it('encrypts plaintext thread messages and notes once; the thread and the review read them back', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const testimonyId = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'submitted', narrative: 'n', withPublishedRevision: false });
    await ctx.db.insert(messages).values([
      { testimonyId, authorId: ctx.actors.moderator.userId!, body: 'plain-message from staff' },
      { testimonyId, authorId: ctx.actors.submitterA.userId!, body: 'plain-message reply' },
    ]);
    await ctx.db.insert(notes).values({ testimonyId, authorId: ctx.actors.moderator.userId!, body: 'plain-note' });

    expect(await encryptLegacyTexts(ctx.db)).toBe(3);
    expect(await encryptLegacyTexts(ctx.db)).toBe(0);

    const stored = [
      ...(await ctx.db.select({ body: messages.body, dataKey: messages.dataKey }).from(messages).where(eq(messages.testimonyId, testimonyId))),
      ...(await ctx.db.select({ body: notes.body, dataKey: notes.dataKey }).from(notes).where(eq(notes.testimonyId, testimonyId))),
    ];
    expect(stored).toHaveLength(3);
    expect(stored.filter((r) => !r.dataKey?.startsWith('k1.') || r.body.includes('plain-'))).toEqual([]);
    expect((await listThread(ctx.db, ctx.actors.submitterA.viewer, testimonyId)).messages.map((m) => m.body).sort()).toEqual(['plain-message from staff', 'plain-message reply']);
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, testimonyId)).notes.map((n) => n.body)).toEqual(['plain-note']);
  });

  it('moves unpublished redactions into the encrypted draft once; published text stays public', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const pending = await legacyTestimony('submitted', 'plain-three');
    const [{ revisionId }] = (await ctx.db.select({ revisionId: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, pending))) as [{ revisionId: string }];
    await ctx.db.update(testimonyRevisions).set({ redactedNarrative: 'redaction plain-three' }).where(eq(testimonyRevisions.id, revisionId));
    const published = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'published', redacted: 'public plain-four' });

    expect(await encryptLegacyRedactions(ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await encryptLegacyRedactions(ctx.db)).toBe(0);

    const [moved] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, revisionId));
    expect(moved!.redactedNarrative).toBeNull();
    expect(moved!.redactionDraft).toBeTruthy();
    expect(moved!.redactionDraft).not.toContain('plain-');
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, pending)).revision?.redactedNarrative).toBe('redaction plain-three');
    const [kept] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, published));
    expect([kept!.redactedNarrative, kept!.redactionDraft]).toEqual(['public plain-four', null]);
  });

  it('moves plain places and credit names into their encrypted columns once; every reader gets them back', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'published' });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'published', consentCredit: 'chosen_name' });
    await ctx.db.update(testimonies).set({ creditName: 'plain-credit', creditNameEncrypted: null, exactPlacePublic: true }).where(eq(testimonies.id, id));
    await ctx.db.update(testimonyRevisions).set({ eventPlace: 'plain-place', eventPlaceEncrypted: null }).where(eq(testimonyRevisions.testimonyId, id));

    expect(await encryptLegacyFields(ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await encryptLegacyFields(ctx.db)).toBe(0);

    const [t] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
    const [r] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
    expect([t!.creditName, r!.eventPlace]).toEqual([null, null]);
    expect(`${t!.creditNameEncrypted} ${r!.eventPlaceEncrypted}`).not.toContain('plain-');
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, id);
    expect([review.consent.creditName, review.revision?.eventPlace]).toEqual(['plain-credit', 'plain-place']);
    const own = await getOwnTestimony(ctx.db, ctx.actors.submitterA.viewer, id);
    expect([own.consent.creditName, own.revision?.eventPlace]).toEqual(['plain-credit', 'plain-place']);
    const [shown] = (await listPublicTestimonies(ctx.db, { personId: person.id })).items;
    expect([shown?.credit, shown?.place]).toEqual([{ kind: 'name', name: 'plain-credit', year: expect.any(Number), yearSolarHijri: expect.any(Number) }, 'plain-place']);
  });
});
