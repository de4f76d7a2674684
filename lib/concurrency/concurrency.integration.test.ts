// Optimistic concurrency (issue 15): a save made on a stale version is refused — never merged,
// never written over what was saved meanwhile — and audited like any save when it goes through.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, persons, testimonies } from '@/db/schema';
import { publishTestimony } from '@/lib/moderation/decisions';
import { saveRedactionDraft } from '@/lib/moderation/redaction-save';
import { claimTestimony } from '@/lib/moderation/claims';
import { getReview } from '@/lib/moderation/review';
import { createPerson, updatePerson } from '@/lib/persons';
import { getStaffPerson } from '@/lib/persons/read';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { editable } from '@/lib/testing/person-patch';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { AppError } from '@/lib/errors';
import { staleKey } from './version';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? { code: error.code, fieldErrors: error.fieldErrors } : error;
}

describe.each(testDatabases())('stale edits on $name', (target) => {
  const ctx = useSeededDatabase(target);

  it('two saves of a redaction opened on the same version: the first is kept, the second is refused and writes nothing', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'submitted', narrative: 'Call 0912 345 6789.', redacted: null, withPublishedRevision: false });
    const [row] = await ctx.db.select({ revisionId: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, id));
    const revisionId = row!.revisionId!;
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id });
    const opened = (await getReview(ctx.db, ctx.actors.moderator.viewer, id)).revision!;
    expect(opened).toMatchObject({ redactedNarrative: null, redactionVersion: 0 });

    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, revisionId, version: 0, mode: 'edit', redactedNarrative: 'Call [redacted]. EDIT-ONE' });
    expect(await refusal(saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, revisionId, version: 0, mode: 'edit', redactedNarrative: 'Call 0912 345 6789. EDIT-TWO' }))).toEqual({ code: 'conflict', fieldErrors: { redactedNarrative: staleKey } });
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, id)).revision).toMatchObject({ redactedNarrative: 'Call [redacted]. EDIT-ONE', redactionVersion: 1 });

    // Made on the version now shown, the next save goes through and keeps building on the first.
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, revisionId, version: 1, mode: 'edit', redactedNarrative: 'Call [redacted]. EDIT-ONE EDIT-TWO' });
    expect((await getReview(ctx.db, ctx.actors.moderator.viewer, id)).revision).toMatchObject({ redactedNarrative: 'Call [redacted]. EDIT-ONE EDIT-TWO', redactionVersion: 2 });
    // A page opened before the last save cannot publish its older text.
    expect(await refusal(publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id, revisionId, version: 1, redactedNarrative: 'Call [redacted]. EDIT-ONE' }))).toEqual({ code: 'conflict', fieldErrors: { redactedNarrative: staleKey } });
    const log = await ctx.db.select({ details: auditEntries.details }).from(auditEntries).where(and(eq(auditEntries.action, 'testimony.redaction.save'), eq(auditEntries.targetId, id)));
    expect(log.map((e) => (e.details as { version: number }).version)).toEqual([1, 2]);
  });

  it('two edits of a person opened on the same version: the second is refused and the first stays', async () => {
    const id = await createPerson(ctx.db, ctx.actors.moderator.viewer, { nameFa: 'سارا نمونه', nameLatin: 'Sara Example' });
    const opened = await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, id);
    expect(opened.version).toBe(0);
    const patch = { ...editable(opened), age: 24, city: 'Shiraz' };
    await updatePerson(ctx.db, ctx.actors.moderator.viewer, id, patch, opened.version);
    expect(await refusal(updatePerson(ctx.db, ctx.actors.moderator.viewer, id, { ...patch, city: 'Tabriz' }, opened.version))).toEqual({ code: 'conflict', fieldErrors: { form: staleKey } });
    const [after] = await ctx.db.select({ city: persons.city, version: persons.version }).from(persons).where(eq(persons.id, id));
    expect(after).toEqual({ city: 'Shiraz', version: 1 });
    const edits = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'person.edit'), eq(auditEntries.targetId, id)));
    expect(edits).toHaveLength(1);
  });
});
