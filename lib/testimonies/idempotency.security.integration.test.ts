// Reliability (issue 7): a form posted many times at once with one idempotency key makes exactly
// one testimony and one revision; the same key with a different body is refused, not merged.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, testimonies, testimonyRevisions } from '@/db/schema';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { recordFigure } from '@/lib/testing/security-figures';
import { draftAccount, filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { createDraft, saveDraftStep, submitTestimony } from './index';
import { formGate } from '@/lib/testing/form-gate';

const parallel = 50;

describe.each(testDatabases())('idempotency keys on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  const a = () => actors.submitterA.viewer;

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    actors = await createActors(ctx.db);
  });

  it(`${parallel} parallel start posts with one key make exactly 1 testimony`, async () => {
    const token = formToken();
    const results = await Promise.all(Array.from({ length: parallel }, () => createDraft(ctx.db, a(), { token, language: 'fa' })));
    const rows = await ctx.db.select({ id: testimonies.id }).from(testimonies).where(eq(testimonies.idempotencyKey, token));
    recordFigure({ figure: `testimonies made by ${parallel} parallel starts with one key`, measured: rows.length, target: '1', ok: rows.length === 1 });
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0]!.id]));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // Same key, different body: refused.
    expect(await codeOf(createDraft(ctx.db, a(), { token, language: 'en' }))).toBe('conflict');
  });

  it(`${parallel} parallel submits with one key make exactly 1 revision; a changed body with that key is refused`, async () => {
    const id = await filledDraft(ctx.db, a());
    const token = formToken();
    const outcomes = await Promise.all(Array.from({ length: parallel }, () => codeOf(submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token }))));
    const revisions = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
    recordFigure({ figure: `revisions made by ${parallel} parallel submits with one key`, measured: revisions.length, target: '1', ok: revisions.length === 1 });
    expect(outcomes).toEqual(Array(parallel).fill('ok'));
    expect(revisions).toHaveLength(1);
    const [row] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
    expect(row).toMatchObject({ status: 'submitted', currentRevisionId: revisions[0]!.id });

    // A moderator asks for changes; the submitter edits; a stale tab re-posts the old review form.
    await ctx.db.update(testimonies).set({ status: 'changes_requested' }).where(eq(testimonies.id, id));
    await saveDraftStep(ctx.db, a(), { testimonyId: id, step: 'account', values: { ...draftAccount, narrative: 'متن دیگر' } });
    expect(await codeOf(submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token }))).toBe('conflict');
    expect(await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id))).toHaveLength(1);
    // A fresh form submits the edit.
    expect((await submitTestimony(ctx.db, a(), { ...formGate(),  testimonyId: id, token: formToken() })).outcome).toBe('submitted');
  });
});
