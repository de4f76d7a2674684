import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { getPublishedPerson } from '@/lib/memorial';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { addAlias, addSource, createPerson, getStaffPerson, listStaffPersons, setTestimonyLink, updatePerson } from './';
import { codeOf } from '@/lib/testing/outcome';
import { editable } from '@/lib/testing/person-patch';


describe.each(testDatabases())('persons on $name', (target) => {
  const ctx = useSeededDatabase(target);

  it('a moderator creates a draft person, finds it by another spelling, edits, hides and unhides it — all audited', async () => {
    const id = await createPerson(ctx.db, ctx.actors.moderator.viewer, { nameFa: 'علی قلی‌پور', nameLatin: 'Ali Gholipour' });
    await addAlias(ctx.db, ctx.actors.moderator.viewer, { personId: id, name: 'Ali Qolipur' });
    expect((await listStaffPersons(ctx.db, ctx.actors.moderator.viewer, { q: 'qolipur' })).items.map((p) => p.id)).toContain(id);
    const person = await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, id);
    expect(person).toMatchObject({ status: 'draft', aliases: [{ name: 'Ali Qolipur' }] });
    const patch = { ...editable(person), age: 19, city: 'Shiraz', status: 'published' as const, verification: 'corroborated' as const, verificationNote: 'two testimonies' };
    await updatePerson(ctx.db, ctx.actors.moderator.viewer, id, patch, 0);
    expect(await getPublishedPerson(ctx.db, id)).not.toBeNull();
    await updatePerson(ctx.db, ctx.actors.moderator.viewer, id, { ...patch, status: 'hidden' }, 1);
    expect(await getPublishedPerson(ctx.db, id)).toBeNull();
    await addSource(ctx.db, ctx.actors.moderator.viewer, { personId: id, url: 'https://example.org/report' });
    expect(await codeOf(addSource(ctx.db, ctx.actors.moderator.viewer, { personId: id, url: 'javascript:alert(1)' }))).toBe('invalid_input');
    const log = await ctx.db.select({ action: auditEntries.action, details: auditEntries.details }).from(auditEntries).where(eq(auditEntries.targetId, id));
    expect(log.map((e) => e.action)).toEqual(['person.create', 'person.alias.add', 'person.edit', 'person.edit', 'person.source.add']);
    expect(log[3]!.details).toMatchObject({ fields: ['status'], from: 'published', to: 'hidden' });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('links and unlinks a testimony, but never a draft', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const submitted = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [], status: 'submitted', withPublishedRevision: false });
    const draft = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [], status: 'draft', withPublishedRevision: false });
    await setTestimonyLink(ctx.db, ctx.actors.moderator.viewer, { personId: person.id, testimonyId: submitted, linked: true });
    expect((await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, person.id)).testimonies.map((t) => t.id)).toEqual([submitted]);
    expect(await codeOf(setTestimonyLink(ctx.db, ctx.actors.moderator.viewer, { personId: person.id, testimonyId: draft, linked: true }))).toBe('not_found');
    await setTestimonyLink(ctx.db, ctx.actors.moderator.viewer, { personId: person.id, testimonyId: submitted, linked: false });
    expect((await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, person.id)).testimonies).toEqual([]);
  });

  it('submitters cannot list, read or change person records', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    expect(await codeOf(listStaffPersons(ctx.db, ctx.actors.submitterA.viewer))).toBe('not_found');
    expect(await codeOf(getStaffPerson(ctx.db, ctx.actors.submitterA.viewer, person.id))).toBe('not_found');
    expect(await codeOf(addAlias(ctx.db, ctx.actors.submitterA.viewer, { personId: person.id, name: 'x' }))).toBe('not_found');
    expect(await codeOf(createPerson(ctx.db, ctx.actors.moderatorWithout2fa.viewer, { nameFa: 'x' }))).toBe('second_factor_required');
  });
});
