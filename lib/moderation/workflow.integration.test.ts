import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { getPublicTestimoniesForPerson } from '@/lib/memorial';
import { getSettings, updateSettings } from '@/lib/settings';
import { createSecondModerator } from '@/lib/testing/actors';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { codeOf } from '@/lib/testing/outcome';
import { insertPerson, insertSubmittedTestimony, insertTestimony } from '@/lib/testing/public-fixtures';
import { sealNarrative, testimonyKey } from '@/lib/testimonies/sealed';
import { claimNext, claimTestimony, releaseClaim } from './claims';
import { publishTestimony, rejectTestimony, requestChanges } from './decisions';
import { saveRedactionDraft } from './redaction-save';
import { approveText } from '@/lib/testing/approve';
import { formGate } from '@/lib/testing/form-gate';
import { draftAbout, formToken, submittedTestimony } from '@/lib/testing/testimony-fixtures';
import { saveDraftStep, submitTestimony } from '@/lib/testimonies';
import { listQueue } from './queue';
import { getReview } from './review';

describe.each(testDatabases())('review workflow on $name', (target) => {
  const ctx = useSeededDatabase(target);
  let second: Viewer | null;

  beforeAll(async () => {
    second = await createSecondModerator(ctx.db, 'moderator-second');
  });

  const fourEyes = (on: boolean) => updateSettings(ctx.db, ctx.actors.admin.viewer, { four_eyes: on, coordinated_window_hours: 72 });
  beforeEach(() => fourEyes(false));

  const submitted = (submitterId = ctx.actors.submitterA.userId!) => insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId, narrative: 'Call 0912 345 6789.' });

  const statusOf = async (id: string) => (await ctx.db.select({ status: testimonies.status }).from(testimonies).where(eq(testimonies.id, id)))[0]!.status;
  const publicText = async (personId: string) => (await getPublicTestimoniesForPerson(ctx.db, personId)).items.map((t) => t.narrative);

  it('only an admin reads and changes settings; each change is audited with its old and new value', async () => {
    expect(await codeOf(getSettings(ctx.db, ctx.actors.moderator.viewer))).toBe('not_found');
    expect(await codeOf(updateSettings(ctx.db, ctx.actors.moderator.viewer, { four_eyes: true, coordinated_window_hours: 1 }))).toBe('not_found');
    expect(await codeOf(getSettings(ctx.db, ctx.actors.anonymous.viewer))).toBe('unauthenticated');
    expect(await updateSettings(ctx.db, ctx.actors.admin.viewer, { four_eyes: true, coordinated_window_hours: 24 })).toEqual({ changed: ['four_eyes', 'coordinated_window_hours'] });
    expect(await getSettings(ctx.db, ctx.actors.admin.viewer)).toEqual({ four_eyes: true, coordinated_window_hours: 24 });
    const log = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'settings.update'));
    expect(log.at(-1)).toMatchObject({ actorId: ctx.actors.admin.userId, targetId: 'coordinated_window_hours', details: { from: 72, to: 24 } });
    expect(await updateSettings(ctx.db, ctx.actors.admin.viewer, { four_eyes: true, coordinated_window_hours: 24 })).toEqual({ changed: [] });
  });

  it('four-eyes on: one approval does not publish, the same moderator again does nothing, a second moderator publishes the approved text', async () => {
    await fourEyes(true);
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    const approved = 'Call [redacted].';
    expect(await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: approved })).toEqual({ outcome: 'awaiting_second_approval' });
    expect(await statusOf(t.id)).toBe('awaiting_approval');
    expect(await publicText(t.personId)).toEqual([]);
    // Until published, the approved text is stored only encrypted (and so not in the search index).
    const stored = async () => (await ctx.db.select({ clear: testimonyRevisions.redactedNarrative, draft: testimonyRevisions.redactionDraft }).from(testimonyRevisions).where(eq(testimonyRevisions.id, t.revisionId)))[0]!;
    expect((await stored()).clear).toBeNull();
    expect((await stored()).draft).not.toContain('redacted');
    const waiting = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'awaiting_approval' });
    expect(waiting.items.find((i) => i.id === t.id)).toMatchObject({ status: 'awaiting_approval', awaitingSecondApproval: true, heldBy: null });
    expect(waiting.counts.awaiting_approval).toBeGreaterThanOrEqual(1);

    expect(await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: approved })).toEqual({ outcome: 'already_approved' });
    expect(await statusOf(t.id)).toBe('awaiting_approval');
    // The first approver cannot change the approved text afterwards either.
    expect(await codeOf(saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, mode: 'edit', redactedNarrative: 'Call 0912 345 6789.' }))).toBe('conflict');

    // The second moderator sees exactly the approved text and can publish only that.
    const review = await getReview(ctx.db, second, t.id);
    expect(review).toMatchObject({ approvedText: approved, approvals: [{ moderator: expect.any(String), byViewer: false }] });
    expect(await codeOf(publishTestimony(ctx.db, second, { testimonyId: t.id, revisionId: t.revisionId, version: 1, redactedNarrative: 'Call 0912 345 6789.' }))).toBe('unsaved_changes');
    expect(await approveText(ctx.db, second, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: approved })).toEqual({ outcome: 'published', visibility: 'public' });
    expect(await publicText(t.personId)).toEqual([approved]);
    expect(await stored()).toEqual({ clear: approved, draft: null });
    const log = await ctx.db.select({ action: auditEntries.action, details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.targetId, t.id)).orderBy(asc(auditEntries.id));
    // The second moderator's reading of the review is itself recorded (PRODUCT.md §2.7).
    expect(log.map((e) => e.action)).toEqual(['testimony.claim', 'testimony.redaction.save', 'testimony.approve', 'view.review', 'testimony.publish']);
    expect(log.at(-1)!.details).toMatchObject({ approvedBy: [ctx.actors.moderator.userId, second!.userId] });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('four-eyes on: the second moderator may instead decline; with four-eyes off one approval publishes', async () => {
    await fourEyes(true);
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'Call [redacted].' });
    await requestChanges(ctx.db, second, { testimonyId: t.id, message: 'Which street?' });
    expect(await statusOf(t.id)).toBe('changes_requested');

    await fourEyes(false);
    const u = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: u.id });
    expect(await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: u.id, revisionId: u.revisionId, redactedNarrative: 'Call [redacted].' })).toEqual({ outcome: 'published', visibility: 'public' });
  });

  it('a new version after "changes requested" comes with the earlier redaction and the same redactions carried to it (walk: silently thrown away)', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, mode: 'edit', redactedNarrative: 'Call [redacted].' });
    await requestChanges(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, message: 'Which street?' });
    // The submitter's new version, with the same phone number in it.
    const [row] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, t.id));
    const [v2] = await ctx.db
      .insert(testimonyRevisions)
      .values({ testimonyId: t.id, number: 2, relationship: 'mother', hand: 'first', narrative: sealNarrative(testimonyKey(row!)!, 'Call 0912 345 6789. It was Zand Street.') })
      .returning({ id: testimonyRevisions.id });
    await ctx.db.update(testimonies).set({ currentRevisionId: v2!.id, status: 'submitted' }).where(eq(testimonies.id, t.id));
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, t.id);
    expect(review.revision!.redactedNarrative).toBeNull();
    expect(review.earlierRedaction).toEqual({ number: 1, text: 'Call [redacted].', carried: 'Call [redacted]. It was Zand Street.' });
    // A first version has none.
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, (await submitted()).id)).earlierRedaction).toBeNull();
  });

  it('a resubmission never overwrites a person fact a moderator corrected (walk: age 23 → 22, back to 23 and published)', async () => {
    const a = ctx.actors.submitterA.viewer;
    const id = await submittedTestimony(ctx.db, a, { about: { ...draftAbout, newAge: '23' } });
    const [link] = await ctx.db.select().from(testimonyPersons).where(eq(testimonyPersons.testimonyId, id));
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id });
    // The moderator's correction, as the staff editor stores it (the record's version moves).
    await ctx.db.update(persons).set({ age: 22, version: 1 }).where(eq(persons.id, link!.personId));
    await requestChanges(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, message: 'Which street?' });
    await saveDraftStep(ctx.db, a, { testimonyId: id, step: 'about', values: { ...draftAbout, newAge: '۲۳', newCity: 'Mahshahr' } });
    await submitTestimony(ctx.db, a, { ...formGate(), testimonyId: id, token: formToken() });
    const [person] = await ctx.db.select({ age: persons.age, version: persons.version }).from(persons).where(eq(persons.id, link!.personId));
    expect(person).toEqual({ age: 22, version: 1 });
  });

  it('a moderator can never claim, approve or decide on their own testimony, not even as the second approver', async () => {
    await fourEyes(true);
    const own = await submitted(ctx.actors.moderator.userId!);
    expect(await codeOf(claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: own.id }))).toBe('own_testimony');
    expect(await codeOf(claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: own.id, takeover: true }))).toBe('own_testimony');
    await claimTestimony(ctx.db, second, { testimonyId: own.id });
    await approveText(ctx.db, second, { testimonyId: own.id, revisionId: own.revisionId, redactedNarrative: 'Call [redacted].' });
    expect(await codeOf(approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: own.id, revisionId: own.revisionId, redactedNarrative: 'Call [redacted].' }))).toBe('own_testimony');
    expect(await codeOf(rejectTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: own.id, reason: 'spam', note: '' }))).toBe('own_testimony');
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, own.id)).isOwn).toBe(true);
    // "Claim next" never hands a moderator their own testimony.
    await ctx.db.update(testimonies).set({ status: 'rejected' }).where(eq(testimonies.status, 'submitted'));
    await submitted(ctx.actors.moderator.userId!);
    expect(await claimNext(ctx.db, ctx.actors.moderator.viewer)).toBeNull();
  });

  /** A published testimony whose submitter sent a newer revision (what submitTestimony's edit path writes). */
  async function editedAfterPublication(texts = { narrative: 'First account.', redacted: 'First account.', edited: 'First account, with the date: 16 November.' }) {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'published', narrative: texts.narrative, redacted: texts.redacted });
    await ctx.db.update(testimonies).set({ submittedAt: new Date() }).where(eq(testimonies.id, id));
    const revisionId = await addRevision(id, 2, texts.edited);
    return { id, personId: person.id, revisionId };
  }

  async function addRevision(testimonyId: string, number: number, narrative: string) {
    const [row] = await ctx.db.select({ dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, testimonyId));
    const sealed = sealNarrative(testimonyKey(row!)!, narrative);
    const [rev] = await ctx.db.insert(testimonyRevisions).values({ testimonyId, number, relationship: 'mother', hand: 'first', narrative: sealed }).returning({ id: testimonyRevisions.id });
    await ctx.db.update(testimonies).set({ currentRevisionId: rev!.id }).where(eq(testimonies.id, testimonyId));
    return rev!.id;
  }

  it('an edit of a published testimony waits in the queue while the published revision stays public; reject keeps it', async () => {
    const t = await editedAfterPublication();
    const edited = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'edited' });
    expect(edited.items.find((i) => i.id === t.id)).toMatchObject({ status: 'edited', awaitingSecondApproval: false });
    expect(edited.counts.edited).toBeGreaterThanOrEqual(1);
    expect((await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'submitted' })).items.some((i) => i.id === t.id)).toBe(false);

    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    expect(await statusOf(t.id)).toBe('published');
    expect(await publicText(t.personId)).toEqual(['First account.']);
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, t.id);
    expect(review).toMatchObject({ revisionInReview: true, previousNarrative: 'First account.', claim: { heldByViewer: true } });
    expect(await codeOf(requestChanges(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, message: 'x' }))).toBe('conflict');
    await rejectTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, reason: 'not_credible', note: 'We keep the published version.' });
    expect(await statusOf(t.id)).toBe('published');
    expect(await publicText(t.personId)).toEqual(['First account.']);
    expect((await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'edited' })).items.some((i) => i.id === t.id)).toBe(false);
  });

  it('approving an edit publishes the new revision; under four-eyes only after a second moderator', async () => {
    const t = await editedAfterPublication();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    await releaseClaim(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    expect(await statusOf(t.id)).toBe('published');
    await fourEyes(true);
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    const text = 'First account, with the date: 16 November.';
    expect(await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: text })).toEqual({ outcome: 'awaiting_second_approval' });
    expect(await publicText(t.personId)).toEqual(['First account.']);
    expect((await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'awaiting_approval' })).items.find((i) => i.id === t.id)).toMatchObject({ status: 'edited', awaitingSecondApproval: true });
    expect(await approveText(ctx.db, second, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: text })).toEqual({ outcome: 'published', visibility: 'public' });
    expect(await publicText(t.personId)).toEqual([text]);
    const log = await ctx.db.select({ action: auditEntries.action }).from(auditEntries).where(eq(auditEntries.targetId, t.id)).orderBy(asc(auditEntries.id));
    expect(log.map((e) => e.action)).toEqual(['testimony.claimRevision', 'testimony.releaseRevision', 'testimony.claimRevision', 'testimony.approveRevision', 'testimony.publishRevision']);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it("an edit of a published testimony starts from the published redactions, and cannot bring a removed word back", async () => {
    const t = await editedAfterPublication({
      narrative: 'Our neighbour Mahmoud Rostami saw it. Call 0917 555 1234.',
      redacted: 'Our neighbour [name removed] saw it. Call [number removed].',
      edited: 'Our neighbour Mahmoud Rostami saw it. Call 0917 555 1234. He was seventeen.',
    });
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    const review = await getReview(ctx.db, ctx.actors.moderator.viewer, t.id);
    expect(review.revision?.redactedNarrative).toBe('Our neighbour [name removed] saw it. Call [number removed]. He was seventeen.');
    const raw = 'Our neighbour Mahmoud Rostami saw it. Call 0917 555 1234. He was seventeen.';
    expect(await codeOf(approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: raw }))).toBe('redaction_restored');
    expect(await publicText(t.personId)).toEqual(['Our neighbour [name removed] saw it. Call [number removed].']);
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: review.revision!.redactedNarrative! });
    expect(await publicText(t.personId)).toEqual(['Our neighbour [name removed] saw it. Call [number removed]. He was seventeen.']);
  });
});
