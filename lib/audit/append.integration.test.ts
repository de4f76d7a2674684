import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { appendAudit, genesisHash, verifyAuditChain } from './append';

describe.each(testDatabases())('audit chain on $name', (target) => {
  const ctx = useTestDatabase(target);
  const append = (action: string, details: Record<string, unknown> = {}) =>
    ctx.db.transaction((tx) => appendAudit(tx, { actorId: null, action, targetType: 'testimony', targetId: 't1', details }));

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: 0 });
  });

  it('links each entry to the previous one and verifies', async () => {
    await append('testimony.submit', { b: 2, a: [1, { y: 1, x: 'ü' }] });
    await append('testimony.claim');
    // Concurrent appenders are serialized: still one unbroken chain.
    await Promise.all(Array.from({ length: 8 }, (_, i) => append('testimony.view', { i })));
    const rows = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id);
    expect(rows[0]!.prevHash).toBe(genesisHash);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(ctx.db, 3)).toEqual({ ok: true, entries: 10 });
  });

  it('an entry rolled back with its transaction leaves no trace', async () => {
    await expect(
      ctx.db.transaction(async (tx) => {
        await appendAudit(tx, { actorId: null, action: 'x', targetType: 'y' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: 10 });
  });

  it('detects an altered entry', async () => {
    const [third] = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id).offset(2).limit(1);
    await ctx.db.update(auditEntries).set({ details: { i: 99 } }).where(eq(auditEntries.id, third!.id));
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false, brokenAtId: third!.id, reason: 'hash_mismatch' });
    await ctx.db.update(auditEntries).set({ details: third!.details }).where(eq(auditEntries.id, third!.id));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    const [second] = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id).offset(1).limit(1);
    await ctx.db.delete(auditEntries).where(eq(auditEntries.id, second!.id));
    const result = await verifyAuditChain(ctx.db);
    expect(result).toMatchObject({ ok: false, reason: 'prev_hash_mismatch' });
    expect(result.ok === false && result.brokenAtId).toBeGreaterThan(second!.id);
  });

  it('detects a forged entry appended without the chain', async () => {
    const last = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id);
    await ctx.db.insert(auditEntries).values({
      actorId: null,
      action: 'forged',
      targetType: 'user',
      prevHash: last.at(-1)!.hash,
      hash: 'f'.repeat(64),
    });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false });
  });
});
