// A redaction is never lost without the moderator seeing it. Two tabs (or two moderators) edit the
// text to publish of one testimony; the second tab's save was made on the older text, which still
// holds what the first tab removed (a witness's name). Its save is refused and the text it is given
// back is re-based on the saved one; a save that brings a removed run back anyway is refused unless
// the moderator confirms it; applying the ticked suggestions keeps what was removed by hand; and
// "Approve and publish" can only publish the latest saved text. Each save is in the audit log.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { restoredKey, staleKey } from '@/lib/concurrency/version';
import { AppError } from '@/lib/errors';
import { createSecondModerator } from '@/lib/testing/actors';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertSubmittedTestimony } from '@/lib/testing/public-fixtures';
import type { Viewer } from '@/lib/auth/sessions';
import { claimTestimony } from './claims';
import { publishTestimony } from './decisions';
import { saveRedactionDraft } from './redaction-save';
import { redactionMark, suggestRedactions } from './redaction';
import { getReview } from './review';

const narrative = 'The witness Mahmoud Rostami saw them at the gate. Call me on 0912 345 6789.';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? { code: error.code, fieldErrors: error.fieldErrors, values: error.values } : error;
}

describe.each(testDatabases())('saving the text to publish on $name', (target) => {
  const ctx = useSeededDatabase(target);
  let second: Viewer | null;

  beforeAll(async () => {
    second = await createSecondModerator(ctx.db, 'moderator-two');
  });

  const claimed = async () => {
    const t = await insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, narrative });
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    return t;
  };
  const saved = async (id: string) => (await getReview(ctx.db, ctx.actors.moderator.viewer, id, { record: false })).revision!;
  const saves = async (id: string) =>
    (await ctx.db.select({ details: auditEntries.details }).from(auditEntries).where(and(eq(auditEntries.action, 'testimony.redaction.save'), eq(auditEntries.targetId, id))).orderBy(asc(auditEntries.id))).map((e) => e.details);

  it('a stale tab\'s "save again" cannot undo the redaction saved meanwhile: it is given its text re-based, and the stale text itself is refused', async () => {
    const t = await claimed();
    const edit = { testimonyId: t.id, revisionId: t.revisionId, mode: 'edit' as const };
    // Tab one removes the witness's name; tab two, opened on the same version, adds a sentence to the older text.
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 0, redactedNarrative: narrative.replace('Mahmoud Rostami', '[redacted]') });
    const typed = `${narrative} They ran.`;
    expect(await refusal(saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 0, redactedNarrative: typed }))).toEqual({
      code: 'conflict',
      fieldErrors: { redactedNarrative: staleKey },
      // Tab two's own change kept, tab one's removal carried into it.
      values: { redactedNarrative: 'The witness [redacted] saw them at the gate. Call me on 0912 345 6789. They ran.' },
    });
    expect(await saved(t.id)).toMatchObject({ redactedNarrative: narrative.replace('Mahmoud Rostami', '[redacted]'), redactionVersion: 1 });

    // "Save again" with the old text on the version now shown (a page that kept it): refused, naming what would come back.
    expect(await refusal(saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 1, redactedNarrative: typed }))).toEqual({
      code: 'redaction_restored',
      fieldErrors: { redactedNarrative: restoredKey },
      values: { redactedNarrative: typed, restored: JSON.stringify(['Mahmoud Rostami']) },
    });
    expect((await saved(t.id)).redactionVersion).toBe(1);
    // A page opened before that save cannot publish the name either.
    expect((await refusal(publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, redactedNarrative: typed })) as { code: string }).code).toBe('conflict');
    // Nor can a page showing it, with the old text typed in its box and not saved.
    expect((await refusal(publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 1, redactedNarrative: typed })) as { code: string }).code).toBe('unsaved_changes');

    // The re-based text goes through and keeps both changes.
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 1, redactedNarrative: 'The witness [redacted] saw them at the gate. Call me on 0912 345 6789. They ran.' });
    expect((await saved(t.id)).redactedNarrative).toBe('The witness [redacted] saw them at the gate. Call me on 0912 345 6789. They ran.');
    expect(await saves(t.id)).toEqual([
      { revisionId: t.revisionId, redactedLength: narrative.replace('Mahmoud Rostami', '[redacted]').length, version: 1, mode: 'edit' },
      { revisionId: t.revisionId, redactedLength: `${narrative.replace('Mahmoud Rostami', '[redacted]')} They ran.`.length, version: 2, mode: 'edit' },
    ]);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('bringing a removed run back is saved only when the moderator confirms it, and the log counts it (without the words)', async () => {
    const t = await claimed();
    const edit = { testimonyId: t.id, revisionId: t.revisionId, mode: 'edit' as const };
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 0, redactedNarrative: narrative.replace('Mahmoud Rostami', '[redacted]') });
    expect((await refusal(saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 1, redactedNarrative: narrative })) as { code: string }).code).toBe('redaction_restored');
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { ...edit, version: 1, redactedNarrative: narrative, restore: true });
    expect(await saved(t.id)).toMatchObject({ redactedNarrative: narrative, redactionVersion: 2 });
    expect((await saves(t.id)).at(-1)).toEqual({ revisionId: t.revisionId, redactedLength: narrative.length, version: 2, mode: 'edit', restoredRuns: 1 });
    // Another moderator taking the item over is refused the save like anyone not holding it.
    expect((await refusal(saveRedactionDraft(ctx.db, second, { ...edit, version: 2, redactedNarrative: 'x' })) as { code: string }).code).toBe('conflict');
  });

  it('"Redact the ticked items" applies them to the text in the box: a name removed there by hand and not saved is kept; unticking brings back only the suggestion', async () => {
    const t = await claimed();
    const [phone] = suggestRedactions(narrative);
    // The mark of the testimony's language (the fixture's is Persian).
    const mark = redactionMark('fa');
    expect(phone).toMatchObject({ kind: 'phone', text: '0912 345 6789' });
    const apply = (version: number, box: string, spans: { start: number; end: number }[]) =>
      saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version, mode: 'apply', redactedNarrative: box, spans });
    // The walker's step: the name replaced by hand in the box, then the button, without saving first.
    const byHand = narrative.replace('Mahmoud Rostami', mark);
    await apply(0, byHand, [phone!]);
    expect((await saved(t.id)).redactedNarrative).toBe(`The witness ${mark} saw them at the gate. Call me on ${mark}.`);
    // Unticking the phone brings the phone back, not the name.
    await apply(1, `The witness ${mark} saw them at the gate. Call me on ${mark}.`, []);
    expect((await saved(t.id)).redactedNarrative).toBe(`The witness ${mark} saw them at the gate. Call me on 0912 345 6789.`);
    // A name typed back in the box is not brought back by the button without saying so.
    expect((await refusal(apply(2, `${narrative} More.`, [phone!])) as { code: string }).code).toBe('redaction_restored');
    // A stale apply writes nothing, and gives the applied text back re-based on the saved one.
    expect(await refusal(apply(1, `${narrative} Later.`, [phone!]))).toMatchObject({ code: 'conflict', values: { redactedNarrative: `The witness ${mark} saw them at the gate. Call me on ${mark}. Later.` } });
    expect((await saved(t.id)).redactionVersion).toBe(2);
    expect((await saves(t.id)).map((d) => (d as { mode: string }).mode)).toEqual(['apply', 'apply']);
  });
});
