import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, collections, testimonies } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { listThread, markThreadRead, replyAsSubmitter, sendStaffMessage, unreadForSubmitter, unreadRepliesForStaff } from './';
import { codeOf } from '@/lib/testing/outcome';


describe.each(testDatabases())('messages on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let collectionId: string;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    const [c] = await ctx.db.insert(collections).values({ slug: 'messages', nameFa: 'آزمون', nameEn: 'Test' }).returning({ id: collections.id });
    collectionId = c!.id;
  });

  async function testimonyOf(owner: 'submitterA' | 'submitterB' | 'moderator', options: { mayContact?: boolean; status?: 'draft' | 'submitted' | 'withdrawn' } = {}) {
    const [row] = await ctx.db
      .insert(testimonies)
      .values({ collectionId, submitterId: actors[owner].userId!, status: options.status ?? 'submitted', mayContact: options.mayContact ?? true })
      .returning({ id: testimonies.id });
    return row!.id;
  }

  it('a moderator writes, the submitter reads and answers, and both see one thread in order', async () => {
    const id = await testimonyOf('submitterA');
    expect(await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: id, body: 'Which street was it?' })).toMatchObject({ status: 'sent' });
    expect(await unreadForSubmitter(ctx.db, actors.submitterA.viewer)).toEqual({ [id]: 1 });
    expect(await replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: id, body: '  Near the square.  ' })).toMatchObject({ status: 'sent' });

    const mine = await listThread(ctx.db, actors.submitterA.viewer, id);
    expect(mine.messages.map((m) => [m.from, m.mine, m.body])).toEqual([
      ['staff', false, 'Which street was it?'],
      ['submitter', true, 'Near the square.'],
    ]);
    // The submitter never learns which moderator wrote.
    expect(mine.messages.every((m) => m.authorName === null)).toBe(true);
    const staff = await listThread(ctx.db, actors.admin.viewer, id);
    expect(staff.messages[0]!.authorName).toBe('moderator');

    expect(await unreadRepliesForStaff(ctx.db, actors.moderator.viewer, [id])).toEqual({ [id]: 1 });
    expect(await markThreadRead(ctx.db, actors.submitterA.viewer, id)).toBe(1);
    expect(await unreadForSubmitter(ctx.db, actors.submitterA.viewer)).toEqual({});
    expect(await markThreadRead(ctx.db, actors.moderator.viewer, id)).toBe(1);
    expect(await unreadRepliesForStaff(ctx.db, actors.moderator.viewer, [id])).toEqual({});
  });

  it('submitter B cannot read, answer or mark A’s thread, and learns nothing (not_found)', async () => {
    const id = await testimonyOf('submitterA');
    expect(await codeOf(listThread(ctx.db, actors.submitterB.viewer, id))).toBe('not_found');
    expect(await codeOf(replyAsSubmitter(ctx.db, actors.submitterB.viewer, { testimonyId: id, body: 'hi' }))).toBe('not_found');
    expect(await codeOf(markThreadRead(ctx.db, actors.submitterB.viewer, id))).toBe('not_found');
    expect(await codeOf(listThread(ctx.db, actors.submitterB.viewer, '00000000-0000-4000-8000-000000000000'))).toBe('not_found');
    expect(await codeOf(listThread(ctx.db, actors.submitterB.viewer, 'not-a-uuid'))).toBe('not_found');
    expect(await unreadForSubmitter(ctx.db, actors.submitterB.viewer)).toEqual({});
    // …while A still can (guard against over-blocking).
    expect(await codeOf(listThread(ctx.db, actors.submitterA.viewer, id))).toBe('ok');
  });

  it('submitters cannot send as staff; signed-out and 2FA-pending users are stopped first', async () => {
    const id = await testimonyOf('submitterA');
    expect(await codeOf(sendStaffMessage(ctx.db, actors.submitterA.viewer, { testimonyId: id, body: 'x' }))).toBe('not_found');
    expect(await codeOf(sendStaffMessage(ctx.db, actors.anonymous.viewer, { testimonyId: id, body: 'x' }))).toBe('unauthenticated');
    expect(await codeOf(sendStaffMessage(ctx.db, actors.moderatorWithout2fa.viewer, { testimonyId: id, body: 'x' }))).toBe('second_factor_required');
    expect(await codeOf(listThread(ctx.db, actors.moderatorWithout2fa.viewer, id))).toBe('second_factor_required');
  });

  it('staff are refused (typed) when the submitter did not allow contact, or withdrew', async () => {
    const quiet = await testimonyOf('submitterA', { mayContact: false });
    expect(await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: quiet, body: 'x' })).toEqual({ status: 'refused', reason: 'contact_not_allowed' });
    const gone = await testimonyOf('submitterA', { status: 'withdrawn' });
    expect(await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: gone, body: 'x' })).toEqual({ status: 'refused', reason: 'closed' });
    expect((await listThread(ctx.db, actors.moderator.viewer, quiet)).messages).toEqual([]);
  });

  it('staff cannot see a draft’s thread, nor message about their own testimony', async () => {
    const draft = await testimonyOf('submitterA', { status: 'draft' });
    expect(await codeOf(listThread(ctx.db, actors.moderator.viewer, draft))).toBe('not_found');
    expect(await codeOf(sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: draft, body: 'x' }))).toBe('not_found');
    const own = await testimonyOf('moderator');
    expect(await codeOf(sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: own, body: 'x' }))).toBe('own_testimony');
  });

  it('an empty or overlong body is invalid input', async () => {
    const id = await testimonyOf('submitterA');
    expect(await codeOf(replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: id, body: '   ' }))).toBe('invalid_input');
    expect(await codeOf(replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: id, body: 'x'.repeat(5001) }))).toBe('invalid_input');
  });

  it('every message is audited without its text, and the chain verifies', async () => {
    const id = await testimonyOf('submitterA');
    await sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: id, body: 'secret words 0912' });
    const entries = await ctx.db.select().from(auditEntries).where(eq(auditEntries.targetId, id));
    expect(entries.map((e) => e.action)).toEqual(['message.send']);
    expect(JSON.stringify(entries)).not.toContain('secret words');
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
