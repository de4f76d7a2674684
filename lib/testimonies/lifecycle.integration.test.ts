import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, collections, testimonies } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { lifecycle, transitionTestimony, type TestimonyEvent, type TestimonyStatus } from './lifecycle';
import { codeOf } from '@/lib/testing/outcome';

describe.each(testDatabases())('testimony lifecycle on $name', (target) => {
  const ctx = useTestDatabase(target);
  let collectionId: string;
  let submitter: string;
  let moderator: string;
  let otherModerator: string;

  beforeAll(async () => {
    const [c] = await ctx.db
      .insert(collections)
      .values({ slug: 'lifecycle', nameFa: 'آزمون', nameEn: 'Test' })
      .returning({ id: collections.id });
    collectionId = c!.id;
    submitter = await insertUser(ctx.db, 'lc-submitter', 'submitter');
    moderator = await insertUser(ctx.db, 'lc-moderator', 'moderator', { totp: true });
    otherModerator = await insertUser(ctx.db, 'lc-moderator-2', 'moderator', { totp: true });
  });

  async function testimonyIn(status: TestimonyStatus, submitterId = submitter) {
    const [row] = await ctx.db
      .insert(testimonies)
      .values({ collectionId, submitterId, status })
      .returning({ id: testimonies.id });
    return row!.id;
  }

  const move = (testimonyId: string, event: TestimonyEvent, actorId: string) =>
    ctx.db.transaction((tx) => transitionTestimony(tx, { testimonyId, event, actorId }));


  const statuses: TestimonyStatus[] = ['draft', 'submitted', 'in_review', 'changes_requested', 'published', 'rejected', 'withdrawn', 'unpublished'];

  for (const [event, rule] of Object.entries(lifecycle) as [TestimonyEvent, (typeof lifecycle)[TestimonyEvent]][]) {
    it(`${event}: allowed exactly from ${rule.from.join(', ')}`, async () => {
      const actor = rule.by === 'owner' ? submitter : moderator;
      for (const status of statuses) {
        const id = await testimonyIn(status);
        const outcome = await codeOf(move(id, event, actor));
        const allowed = (rule.from as readonly TestimonyStatus[]).includes(status);
        expect(`${status}: ${outcome}`).toBe(`${status}: ${allowed ? 'ok' : 'conflict'}`);
        const [after] = await ctx.db.select({ status: testimonies.status }).from(testimonies).where(eq(testimonies.id, id));
        expect(after!.status).toBe(allowed ? rule.to : status);
      }
    });
  }

  it('another submitter cannot move a testimony that is not theirs, and learns nothing (not_found)', async () => {
    const stranger = await insertUser(ctx.db, 'lc-stranger', 'submitter');
    const id = await testimonyIn('draft');
    expect(await codeOf(move(id, 'submit', stranger))).toBe('not_found');
    expect(await codeOf(move('00000000-0000-4000-8000-000000000000', 'submit', stranger))).toBe('not_found');
  });

  it('a moderator cannot decide on a testimony they submitted', async () => {
    const own = await testimonyIn('in_review', moderator);
    expect(await codeOf(move(own, 'publish', moderator))).toBe('own_testimony');
    expect(await codeOf(move(own, 'publish', otherModerator))).toBe('ok');
  });

  it('of two moderators deciding at once, exactly one wins and the other gets a conflict', async () => {
    const id = await testimonyIn('in_review');
    const outcomes = await Promise.all([codeOf(move(id, 'publish', moderator)), codeOf(move(id, 'reject', otherModerator))]);
    expect(outcomes.sort()).toEqual(['conflict', 'ok']);
  });

  it('audits every move in the hash chain, and reports when the public memorial changed', async () => {
    const id = await testimonyIn('in_review');
    const published = await move(id, 'publish', moderator);
    expect(published).toEqual({ from: 'in_review', to: 'published', publicChanged: true });
    expect((await move(id, 'withdraw', submitter)).publicChanged).toBe(true);
    const entries = await ctx.db.select().from(auditEntries).where(eq(auditEntries.targetId, id));
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ['testimony.publish', { from: 'in_review', to: 'published' }],
      ['testimony.withdraw', { from: 'published', to: 'withdrawn' }],
    ]);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
