// "Approve and publish" publishes exactly the saved text whose preview the moderator saw, and
// nothing the checks still find in it without the moderator's word. Found by a moderator walking
// the app: a witness's and her brother's names replaced in the box and not saved were published
// as they stood in the saved text (JS off: with the street, house number and phone), and a text
// the page itself said still held an address and a phone number was published at one click.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, testimonies } from '@/db/schema';
import { unsavedKey } from '@/lib/concurrency/version';
import { AppError } from '@/lib/errors';
import { getPublicTestimoniesForPerson } from '@/lib/memorial';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { insertSubmittedTestimony } from '@/lib/testing/public-fixtures';
import { claimTestimony } from './claims';
import { publishTestimony } from './decisions';
import { redactionMark, suggestionKey, suggestRedactions } from './redaction';
import { saveRedactionDraft } from './redaction-save';

const narrative = 'من، مریم سلطانی، دیدم. برادرم علی سلطانی را بردند. خانه‌مان کوچه شهید رجایی، پلاک ۷ است. شماره‌ام 0917 222 3344 است.';
const mark = redactionMark('fa');

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? { code: error.code, fieldErrors: error.fieldErrors, values: error.values } : error;
}

describe.each(testDatabases())('what "Approve and publish" publishes on $name', (target) => {
  const ctx = useSeededDatabase(target);

  const claimed = async (consentPublish: 'public' | 'documentation_only' = 'public') => {
    const t = await insertSubmittedTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, narrative, consentPublish });
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id });
    return t;
  };
  const statusOf = async (id: string) => (await ctx.db.select({ status: testimonies.status }).from(testimonies).where(eq(testimonies.id, id)))[0]!.status;
  const publicText = async (personId: string) => (await getPublicTestimoniesForPerson(ctx.db, personId)).items.map((t) => t.narrative).join('\n');

  it('a box changed and not saved is refused, nothing published, and the typed text is given back; before any save and after one', async () => {
    const t = await claimed();
    const publish = (version: number, text: string) => publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version, redactedNarrative: text });
    // No save yet: the page shows the text as sent; the names replaced in the box only.
    const typed = narrative.replace('مریم سلطانی', mark).replace('علی سلطانی', mark);
    expect(await refusal(publish(0, typed))).toEqual({ code: 'unsaved_changes', fieldErrors: { redactedNarrative: unsavedKey }, values: { redactedNarrative: typed } });
    expect(await statusOf(t.id)).toBe('in_review');

    // Saved with the address and phone redacted, then the names replaced in the box and not saved.
    const saved = narrative.replace('کوچه شهید رجایی، پلاک ۷', mark).replace('0917 222 3344', mark);
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, mode: 'edit', redactedNarrative: saved });
    const both = saved.replace('مریم سلطانی', mark).replace('علی سلطانی', mark);
    expect((await refusal(publish(1, both)) as { code: string }).code).toBe('unsaved_changes');
    expect(await statusOf(t.id)).toBe('in_review');
    expect(await publicText(t.personId)).toBe('');

    // Saved, it publishes exactly that text — posted as the browser posts a textarea (CRLF) too.
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 1, mode: 'edit', redactedNarrative: both });
    expect(await publish(2, `${both}\r\n`)).toEqual({ outcome: 'published', visibility: 'public' });
    const shown = await publicText(t.personId);
    expect(shown).toBe(both);
    for (const secret of ['مریم', 'علی سلطانی', 'رجایی', '3344']) expect(shown).not.toContain(secret);
  });

  it('what the checks still find is published only when the moderator confirms each item; the log counts them, never the words', async () => {
    const t = await claimed();
    // Only the names redacted: the address and the phone number are still in the saved text.
    const names = narrative.replace('مریم سلطانی', mark).replace('علی سلطانی', mark);
    await saveRedactionDraft(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, mode: 'edit', redactedNarrative: names });
    const remaining = suggestRedactions(names);
    expect(remaining.map((s) => s.kind)).toEqual(['address', 'phone']);
    const publish = (notIdentifying?: string[]) => publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 1, redactedNarrative: names, notIdentifying });
    expect(await refusal(publish())).toEqual({ code: 'identifying_details', fieldErrors: { notIdentifying: 'confirmNotIdentifying' }, values: undefined });
    // One of the two is not enough, nor an item of another text.
    expect((await refusal(publish([suggestionKey(remaining[0]!), '0:4'])) as { code: string }).code).toBe('identifying_details');
    expect(await statusOf(t.id)).toBe('in_review');

    expect(await publish(remaining.map(suggestionKey))).toEqual({ outcome: 'published', visibility: 'public' });
    const [entry] = await ctx.db.select({ details: auditEntries.details }).from(auditEntries).where(and(eq(auditEntries.targetId, t.id), eq(auditEntries.action, 'testimony.publish'))).orderBy(asc(auditEntries.id));
    expect(entry!.details).toMatchObject({ confirmedNotIdentifying: 2 });
    expect(JSON.stringify(entry!.details)).not.toMatch(/3344|رجایی/);
  });

  it('a documentation-only testimony makes nothing public, so nothing is asked', async () => {
    const t = await claimed('documentation_only');
    expect(await publishTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, redactedNarrative: narrative })).toEqual({ outcome: 'published', visibility: 'documentation_only' });
  });
});
