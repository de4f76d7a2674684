// "Approve and publish" says what it did, to the moderator and to the submitter, as it is: a
// testimony readers can now find is "Published"; one whose submitter chose documentation only is
// accepted and kept, never public, and is never called published (status, timeline, notice); one
// about no public person is accepted but not shown. Each decision is in the audit log.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, persons } from '@/db/schema';
import { listPublicTestimonies } from '@/lib/memorial';
import { listNotifications } from '@/lib/notifications';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertSubmittedTestimony } from '@/lib/testing/public-fixtures';
import { getOwnTestimony, listOwnTestimonies } from '@/lib/testimonies';
import { claimTestimony } from './claims';
import { approveText } from '@/lib/testing/approve';

describe.each(testDatabases())('what publishing says it did on $name', (target) => {
  const ctx = useSeededDatabase(target);

  async function approve(consentPublish: 'public' | 'documentation_only', personStatus: 'published' | 'hidden' = 'published') {
    const t = await insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterB.userId!, narrative: 'They took him at night.', consentPublish });
    await ctx.db.update(persons).set({ status: personStatus }).where(eq(persons.id, t.personId));
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    const result = await approveText(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, redactedNarrative: 'They took him at night.' });
    const own = await getOwnTestimony(ctx.db, ctx.actors.submitterB.viewer, t.id);
    const listed = (await listOwnTestimonies(ctx.db, ctx.actors.submitterB.viewer)).find((o) => o.id === t.id)!;
    const notices = (await listNotifications(ctx.db, ctx.actors.submitterB.viewer, { limit: 100 })).items.filter((n) => n.testimonyId === t.id).map((n) => n.kind);
    const isPublic = (await listPublicTestimonies(ctx.db, { limit: 1000 })).items.some((p) => p.id === t.id);
    const logged = await ctx.db.select({ id: auditEntries.id }).from(auditEntries).where(and(eq(auditEntries.targetId, t.id), eq(auditEntries.action, 'testimony.publish')));
    return { result, shown: [own.shownStatus, listed.shownStatus], timeline: own.timeline.map((e) => e.event), notices, isPublic, logged: logged.length };
  }

  it('a documentation-only testimony is accepted and kept, and nobody is told it was published', async () => {
    expect(await approve('documentation_only')).toEqual({
      result: { outcome: 'published', visibility: 'documentation_only' },
      shown: ['accepted', 'accepted'],
      timeline: ['claim', 'accept'],
      notices: ['accepted', 'review_started'],
      isPublic: false,
      logged: 1,
    });
  });

  it('a testimony readers can find is published, and said so', async () => {
    expect(await approve('public')).toEqual({
      result: { outcome: 'published', visibility: 'public' },
      shown: ['published', 'published'],
      timeline: ['claim', 'publish'],
      notices: ['published', 'review_started'],
      isPublic: true,
      logged: 1,
    });
  });

  it('a testimony about no public person is accepted but not shown, and the moderator is told why', async () => {
    expect(await approve('public', 'hidden')).toMatchObject({ result: { outcome: 'published', visibility: 'no_public_person' }, shown: ['not_shown', 'not_shown'], isPublic: false });
  });
});
