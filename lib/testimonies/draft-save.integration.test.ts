// Saving a step without a transaction (issue 21): the row is written back only if it is still the
// version read (its xmin). Steps saved at the same moment on one draft must all be kept — none
// overwritten by a save that read the draft before another was written — and a submitted draft
// still refuses a step.
import { describe, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEntries, collections, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { draftAbout, draftAccount, draftConsent, filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { createDraft, getOwnDraft, saveDraftStep, submitTestimony } from './index';
import { formGate } from '@/lib/testing/form-gate';

describe.each(testDatabases())('saving draft steps on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  const a = () => actors.submitterA.viewer;

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    actors = await createActors(ctx.db);
  });

  it('steps saved at the same moment are all kept', async () => {
    const { id } = await createDraft(ctx.db, a(), { token: formToken(), language: 'fa' });
    // Three rounds of the three steps at once, each round with its own narrative: the last round's
    // values are what the draft holds, and no step is missing.
    for (let round = 0; round < 3; round++) {
      const narrative = `${draftAccount.narrative} ${round}`;
      await Promise.all([
        saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'about', values: draftAbout }),
        saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'account', values: { ...draftAccount, narrative } }),
        saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'consent', values: draftConsent }),
      ]);
      const { draft } = await getOwnDraft(ctx.db, a(), id);
      expect(draft.about?.newNameFa).toBe(draftAbout.newNameFa);
      expect(draft.account?.narrative).toBe(narrative);
      expect(draft.consent?.publish).toBe(draftConsent.publish);
    }
  });

  it('someone else’s draft is not_found; a submitted one refuses a step', async () => {
    const id = await filledDraft(ctx.db, a());
    expect(await codeOf(saveDraftStep(ctx.db, actors.submitterB.viewer, { testimonyId: id, step: 'about', values: draftAbout }))).toBe('not_found');
    await submitTestimony(ctx.db, a(), { ...formGate(), testimonyId: id, token: formToken() });
    expect(await codeOf(saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'about', values: draftAbout }))).toBe('conflict');
  });

  // Issue 21: a draft's row and its audit entry are one statement, and the submission's revision,
  // proposed person and links another; what they record must be what the transactions recorded.
  it('a new draft is audited once (a replayed start token not at all), its submission links the proposed person, and the chain verifies', async () => {
    const token = formToken();
    const starts = await Promise.all(Array.from({ length: 10 }, () => createDraft(ctx.db, a(), { token, language: 'fa' })));
    const id = starts[0]!.id;
    const created = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'testimony.create'), eq(auditEntries.targetId, id)));
    expect(created).toHaveLength(1);
    expect(created[0]!.actorId).toBe(actors.submitterA.userId);
    for (const step of [['about', draftAbout], ['account', draftAccount], ['consent', draftConsent]] as const) {
      await saveDraftStep(ctx.db, a(), { testimonyId: id, step: step[0], values: step[1] });
    }
    await submitTestimony(ctx.db, a(), { ...formGate(), testimonyId: id, token: formToken() });
    const [row] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
    const [revision] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
    expect(row).toMatchObject({ status: 'submitted', currentRevisionId: revision!.id });
    const { draft } = await getOwnDraft(ctx.db, a(), id);
    const links = await ctx.db.select().from(testimonyPersons).where(eq(testimonyPersons.testimonyId, id));
    expect(links.map((l) => l.personId)).toEqual([draft.proposedPersonId]);
    const [person] = await ctx.db.select().from(persons).where(eq(persons.id, draft.proposedPersonId!));
    expect(person).toMatchObject({ status: 'draft', createdBy: actors.submitterA.userId, nameFa: draftAbout.newNameFa });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});

