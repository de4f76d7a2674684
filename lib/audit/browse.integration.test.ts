import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { appendAudit } from './append';
import { browseAuditLog, verifyAuditLog } from './browse';
import { eq, sql } from 'drizzle-orm';

describe.each(testDatabases())('audit log page on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) await appendAudit(tx, { actorId: actors.moderator.userId, action: 'person.edit', targetType: 'person', targetId: `p${i}`, details: { fields: ['age'] } });
      await appendAudit(tx, { actorId: actors.admin.userId, action: 'user.role_changed', targetType: 'user', targetId: 'u1', details: { from: 'submitter', to: 'moderator' } });
      await appendAudit(tx, { actorId: null, action: 'person_other.x', targetType: 'person', targetId: 'p0' });
    });
  });

  it('pages newest first by keyset, with the filters kept across pages', async () => {
    const first = await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'person', limit: 3 });
    expect(first.items.map((e) => e.targetId)).toEqual(['p6', 'p5', 'p4']);
    const second = await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'person', limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.targetId)).toEqual(['p3', 'p2', 'p1']);
    const last = await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'person', limit: 3, cursor: second.nextCursor! });
    // A family: person.* only, not person_other.*.
    expect(last).toMatchObject({ items: [{ targetId: 'p0', actor: 'moderator', details: { fields: ['age'] } }], nextCursor: null });
  });

  it('filters by actor, subject and day', async () => {
    expect((await browseAuditLog(ctx.db, actors.admin.viewer, { actor: 'ADMIN', action: 'user' })).items.map((e) => e.action)).toEqual(['user.role_changed']);
    expect((await browseAuditLog(ctx.db, actors.admin.viewer, { actor: 'nobody-by-this-name' })).items).toEqual([]);
    expect((await browseAuditLog(ctx.db, actors.admin.viewer, { targetType: 'person', targetId: 'p0' })).items.map((e) => e.action)).toEqual(['person_other.x', 'person.edit']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'person.edit', from: today, to: today })).items).toHaveLength(7);
    expect((await browseAuditLog(ctx.db, actors.admin.viewer, { action: 'person.edit', to: '2020-01-01' })).items).toEqual([]);
    expect(await codeOf(browseAuditLog(ctx.db, actors.admin.viewer, { from: '1 May' }))).toBe('invalid_input');
    expect(await codeOf(browseAuditLog(ctx.db, actors.admin.viewer, { cursor: "1' or 1=1" }))).toBe('invalid_input');
  });

  it('records each view with its filters, and the chain stays intact', async () => {
    const views = await ctx.db.select({ actorId: auditEntries.actorId, details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.action, 'audit.view'));
    expect(views.length).toBeGreaterThanOrEqual(7);
    expect(views.every((v) => v.actorId === actors.admin.userId)).toBe(true);
    expect(views).toContainEqual({ actorId: actors.admin.userId, details: { targetType: 'person', targetId: 'p0' } });
    expect(await verifyAuditLog(ctx.db, actors.admin.viewer)).toMatchObject({ ok: true });
  });

  it('shows a broken chain with the entry that was changed', async () => {
    const [victim] = await ctx.db.select({ id: auditEntries.id }).from(auditEntries).where(eq(auditEntries.targetId, 'u1'));
    await ctx.db.execute(sql`update ${auditEntries} set details = '{"from":"submitter","to":"admin"}' where id = ${victim!.id}`);
    expect(await verifyAuditLog(ctx.db, actors.admin.viewer)).toMatchObject({ ok: false, broken: { id: victim!.id, action: 'user.role_changed', reason: 'hash_mismatch' } });
  });

  it('only admins may read the log', async () => {
    for (const actor of [actors.moderator, actors.submitterA, actors.anonymous]) {
      expect(await codeOf(browseAuditLog(ctx.db, actor.viewer))).not.toBe('ok');
      expect(await codeOf(verifyAuditLog(ctx.db, actor.viewer))).not.toBe('ok');
    }
    expect(await codeOf(browseAuditLog(ctx.db, actors.moderator.viewer))).toBe('not_found');
  });
});
