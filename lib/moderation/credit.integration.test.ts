// Walk finding: a testimony went public credited with its submitter's own full name ("Farhad
// Karimi-Tabrizi", on its page and in the open-data CSV), and no moderator could change it. The
// moderator makes the credit narrower before and after publishing (never wider), and publishing a
// credit that reads like a full name needs their tick, like any other item the checks find.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, testimonies } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { getPublicTestimoniesForPerson } from '@/lib/memorial';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertSubmittedTestimony } from '@/lib/testing/public-fixtures';
import { claimTestimony } from './claims';
import { correctPublishedRedaction } from './correction';
import { setPublicCredit, type CreditChoice } from './credit';
import { looksLikeFullName } from './credit-check';
import { publishTestimony } from './decisions';

const narrative = 'Omid was taken from the square that evening.';
const fullName = 'Farhad Karimi-Tabrizi';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? `${e.code}:${Object.values(e.fieldErrors ?? {})[0] ?? ''}` : 'thrown'));

describe('a credit that reads like a full name', () => {
  it('two or more words of letters, in either script; one name or initials do not', () => {
    expect(looksLikeFullName(fullName)).toBe(true);
    expect(looksLikeFullName('فرهاد کریمی‌تبریزی')).toBe(true);
    expect(looksLikeFullName('Farhad K.')).toBe(false);
    expect(looksLikeFullName('فرهاد')).toBe(false);
    expect(looksLikeFullName(null)).toBe(false);
  });
});

describe.each(testDatabases())('the public credit, set by the moderator, on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let collectionId: string;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    collectionId = await insertCollection(ctx.db);
  });

  const credited = async () => {
    const t = await insertSubmittedTestimony(ctx.db, { collectionId, submitterId: actors.submitterA.userId!, narrative, consentCredit: 'chosen_name', creditName: fullName });
    await claimTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id });
    return t;
  };
  const publish = (t: { id: string; revisionId: string }, notIdentifying: string[] = []) =>
    publishTestimony(ctx.db, actors.moderator.viewer, { testimonyId: t.id, revisionId: t.revisionId, version: 0, redactedNarrative: narrative, notIdentifying });
  const set = (viewer: Viewer | null, id: string, credit: CreditChoice, name?: string) => setPublicCredit(ctx.db, viewer, { testimonyId: id, credit, name });
  const publicCredit = async (personId: string) => (await getPublicTestimoniesForPerson(ctx.db, personId)).items.map((t) => t.credit);

  it('a full name is published only on the moderator\'s tick, and then as it is', async () => {
    const t = await credited();
    expect(await codeOf(publish(t))).toBe('identifying_details:confirmNotIdentifying');
    expect(await publicCredit(t.personId)).toEqual([]);
    expect((await publish(t, ['credit'])).outcome).toBe('published');
    expect(await publicCredit(t.personId)).toEqual([expect.objectContaining({ kind: 'name', name: fullName })]);
  });

  it('the moderator shortens the name before publishing: no tick needed, readers get the short one', async () => {
    const t = await credited();
    await set(actors.moderator.viewer, t.id, 'chosen_name', 'Farhad K.');
    expect((await publish(t)).outcome).toBe('published');
    expect(await publicCredit(t.personId)).toEqual([expect.objectContaining({ kind: 'name', name: 'Farhad K.' })]);
  });

  it('after publishing, taken back to anonymous at once; never wider than the submitter chose; never by the submitter; audited without the name', async () => {
    const t = await credited();
    await publish(t, ['credit']);
    expect((await set(actors.admin.viewer, t.id, 'anonymous')).publication).toBe('published');
    expect(await publicCredit(t.personId)).toEqual([{ kind: 'anonymous' }]);
    expect(await codeOf(set(actors.moderator.viewer, t.id, 'relationship'))).toBe('invalid_input:creditWider');
    expect(await codeOf(set(actors.moderator.viewer, t.id, 'chosen_name', fullName))).toBe('invalid_input:creditWider');
    expect(await codeOf(set(actors.submitterA.viewer, t.id, 'anonymous'))).not.toBe('ok');
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'testimony.credit.set'), eq(auditEntries.targetId, t.id)));
    expect(audit!.details).toMatchObject({ from: 'chosen_name', to: 'anonymous', published: true });
    expect(JSON.stringify(audit!.details)).not.toContain('Farhad');
  });

  it('a correction of the published text checks the credit too', async () => {
    const t = await credited();
    await publish(t, ['credit']);
    const [{ publishedRevisionId }] = (await ctx.db.select({ publishedRevisionId: testimonies.publishedRevisionId }).from(testimonies).where(eq(testimonies.id, t.id))) as [{ publishedRevisionId: string | null }];
    const correct = (notIdentifying: string[]) => correctPublishedRedaction(ctx.db, actors.moderator.viewer, { testimonyId: t.id, publishedRevisionId: publishedRevisionId!, redactedNarrative: 'Omid was taken that evening.', confirmed: true, notIdentifying });
    expect(await codeOf(correct([]))).toBe('identifying_details:confirmNotIdentifying');
    expect(await codeOf(correct(['credit']))).toBe('ok');
  });
});
