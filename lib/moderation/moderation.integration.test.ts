import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, testimonies } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { getPublicTestimoniesForPerson, listPublicTestimonies } from '@/lib/memorial';
import { listThread } from '@/lib/messages';
import { listApiTestimonies } from '@/lib/open-data/testimonies';
import { createSecondModerator } from '@/lib/testing/actors';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertPerson, insertSubmittedTestimony, insertTestimony } from '@/lib/testing/public-fixtures';
import { claimNext, claimTestimony, releaseClaim } from './claims';
import { listQueue } from './queue';
import { rejectTestimony, requestChanges } from './decisions';
import { approveText } from '@/lib/testing/approve';
import { applyRedactions, suggestRedactions } from './redaction';
import { codeOf } from '@/lib/testing/outcome';


describe.each(testDatabases())('moderation on $name', (target) => {
  const ctx = useSeededDatabase(target);
  let second: Viewer | null;

  beforeAll(async () => {
    second = await createSecondModerator(ctx.db, 'moderator-two');
  });

  /** A submitted testimony by submitter A about a published person, not yet redacted. */
  const submitted = (narrative = 'He called from 0912 345 6789 that night.', options: { consentPublish?: 'public' | 'documentation_only' } = {}) =>
    insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, narrative, ...options });

  it('two moderators pressing "claim next" at once get two different testimonies', async () => {
    await ctx.db.update(testimonies).set({ status: 'rejected' }).where(eq(testimonies.status, 'submitted'));
    const a = await submitted();
    const b = await submitted();
    const [x, y] = await Promise.all([claimNext(ctx.db, ctx.actors.moderator.viewer), claimNext(ctx.db, second)]);
    expect(new Set([x?.testimonyId, y?.testimonyId])).toEqual(new Set([a.id, b.id]));
    expect(await claimNext(ctx.db, ctx.actors.admin.viewer)).toBeNull();
  });

  it('a live claim cannot be taken silently; a takeover is logged; only the holder may decide', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    expect(await codeOf(claimTestimony(ctx.db, second, { testimonyId: t.id }))).toBe('conflict');
    expect(await codeOf(rejectTestimony(ctx.db, second, { testimonyId: t.id, reason: 'spam', note: '' }))).toBe('conflict');
    expect(await claimTestimony(ctx.db, second, { testimonyId: t.id, takeover: true })).toEqual({ testimonyId: t.id, takenOverFrom: ctx.actors.moderator.userId });
    const log = await ctx.db.select().from(auditEntries).where(eq(auditEntries.targetId, t.id));
    expect(log.map((e) => e.action)).toEqual(['testimony.claim', 'testimony.takeover']);
    expect(await codeOf(releaseClaim(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id }))).toBe('conflict');
    expect(await codeOf(releaseClaim(ctx.db, second, { testimonyId: t.id }))).toBe('ok');
  });

  it('an expired claim is taken without asking, and still logged', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    await ctx.db.update(testimonies).set({ claimedAt: new Date(Date.now() - 31 * 60_000) }).where(eq(testimonies.id, t.id));
    expect((await claimTestimony(ctx.db, second, { testimonyId: t.id })).takenOverFrom).toBe(ctx.actors.moderator.userId);
  });

  it('submitters and 2FA-pending moderators cannot claim; a moderator cannot claim their own testimony', async () => {
    const t = await submitted();
    expect(await codeOf(claimTestimony(ctx.db, ctx.actors.submitterB.viewer, { testimonyId: t.id }))).toBe('not_found');
    expect(await codeOf(claimNext(ctx.db, ctx.actors.moderatorWithout2fa.viewer))).toBe('second_factor_required');
    await ctx.db.update(testimonies).set({ submitterId: ctx.actors.moderator.userId! }).where(eq(testimonies.id, t.id));
    expect(await codeOf(claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id }))).toBe('own_testimony');
  });

  it('after publishing, the redacted phone number appears on no public surface', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    const narrative = 'He called from 0912 345 6789 that night.';
    const redacted = applyRedactions(narrative, suggestRedactions(narrative), 'en');
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, redactedNarrative: redacted, revisionId: t.revisionId });
    const forPerson = JSON.stringify((await getPublicTestimoniesForPerson(ctx.db, t.personId)).items);
    expect(forPerson).toContain('[redacted]');
    const surfaces = [forPerson, JSON.stringify(await listPublicTestimonies(ctx.db, { limit: 500 })), JSON.stringify(await listApiTestimonies(ctx.db, { limit: 100 }, 'http://localhost/api/v1/testimonies'))];
    for (const surface of surfaces) expect(surface).not.toMatch(/0912|345 6789/);
    const [row] = await ctx.db.select({ status: testimonies.status, claimedBy: testimonies.claimedBy }).from(testimonies).where(eq(testimonies.id, t.id));
    expect(row).toEqual({ status: 'published', claimedBy: null });
  });

  it('consent cannot be exceeded: a documentation-only testimony is published into the record but never shown', async () => {
    const t = await submitted('Only for the record.', { consentPublish: 'documentation_only' });
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, redactedNarrative: 'Only for the record.', revisionId: t.revisionId });
    expect((await getPublicTestimoniesForPerson(ctx.db, t.personId)).items).toEqual([]);
  });

  it('publishing a stale revision is a conflict', async () => {
    const t = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    expect(await codeOf(approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, redactedNarrative: 'x', revisionId: '00000000-0000-4000-8000-000000000000' }))).toBe('conflict');
  });

  it('reject records the reason and tells the submitter; request changes sends the question back', async () => {
    const r = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: r.id });
    await rejectTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: r.id, reason: 'duplicate', note: 'Thank you — this was already told.' });
    const [row] = await ctx.db.select({ status: testimonies.status, reason: testimonies.rejectReason }).from(testimonies).where(eq(testimonies.id, r.id));
    expect(row).toEqual({ status: 'rejected', reason: 'duplicate' });
    expect((await listThread(ctx.db, ctx.actors.submitterA.viewer, r.id)).messages.map((m) => m.body)).toEqual(['Thank you — this was already told.']);

    const c = await submitted();
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: c.id });
    expect(await codeOf(requestChanges(ctx.db, ctx.actors.moderator.viewer, { testimonyId: c.id, message: ' ' }))).toBe('invalid_input');
    await requestChanges(ctx.db, ctx.actors.moderator.viewer, { testimonyId: c.id, message: 'Which day was it?' });
    expect((await listThread(ctx.db, ctx.actors.submitterA.viewer, c.id)).messages.map((m) => m.from)).toEqual(['staff']);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('the queue filters by language and by persons under 18, pages by keyset, and shows who holds an item', async () => {
    await ctx.db.update(testimonies).set({ status: 'rejected' }).where(eq(testimonies.status, 'submitted'));
    const child = await insertPerson(ctx.db, { collectionId: ctx.collectionId, age: 15 });
    const minor = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [child.id], status: 'submitted', withPublishedRevision: false });
    const adult = await submitted();
    await ctx.db.update(testimonies).set({ submittedAt: new Date(), language: 'en' }).where(eq(testimonies.id, minor));
    const minors = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'submitted', minor: true });
    expect(minors.items.map((i) => i.id)).toEqual([minor]);
    expect((await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'submitted', language: 'fa' })).items.map((i) => i.id)).toEqual([adult.id]);
    const first = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'submitted', limit: 1 });
    const next = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'submitted', limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...next.items].map((i) => i.id).sort()).toEqual([minor, adult.id].sort());
    await claimTestimony(ctx.db, second, { testimonyId: adult.id });
    const held = await listQueue(ctx.db, ctx.actors.moderator.viewer, { status: 'in_review' });
    expect(held.items.find((i) => i.id === adult.id)?.heldBy).toBe('moderator-two');
    expect(await codeOf(listQueue(ctx.db, ctx.actors.submitterA.viewer))).toBe('not_found');
  });
});
