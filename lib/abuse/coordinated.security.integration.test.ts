// Coordinated floods (issue 7): near-identical testimonies from different accounts within the
// coordinated window are flagged, both of them; different texts, the same account, or a
// submission outside the window are not. Compared by fingerprint only (lib/abuse/coordinated.ts).
import { eq, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, testimonies, testimonyFlags } from '@/db/schema';
import { createSession, resolveSession, type Viewer } from '@/lib/auth/sessions';
import { insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { recordFigure } from '@/lib/testing/security-figures';
import { submittedTestimony } from '@/lib/testing/testimony-fixtures';
import { coordinatedThreshold, fingerprint, similarity } from './coordinated';

const script =
  'روز بیست و پنجم آبان پسرم برای خرید نان از خانه بیرون رفت و در میدان اصلی شهر با گلوله ماموران زخمی شد. ' +
  'همسایه‌ها او را به بیمارستان بردند اما ماموران اجازه ندادند پزشکان کاری بکنند و پیکرش را سه روز به ما ندادند. ' +
  'ما را مجبور کردند شبانه و بدون مراسم او را دفن کنیم و گفتند اگر با کسی حرف بزنیم دختر دیگرمان را هم می‌برند.';
// The same script with a few words changed, as a second fake account would send it.
const edited = script.replace('پسرم', 'برادرم').replace('سه روز', 'چهار روز').replace('دختر دیگرمان', 'پسر دیگرمان');
const unrelated =
  'My cousin was a student in Shiraz. On the third day of the protests he went out with friends and never came back; ' +
  'a week later we found his name on a list at the coroner. Nobody has told us who shot him or where.';

describe('fingerprints', () => {
  it('agree for near-identical texts and not for different ones', () => {
    expect(similarity(fingerprint(script), fingerprint(edited))).toBeGreaterThanOrEqual(coordinatedThreshold);
    expect(similarity(fingerprint(script), fingerprint(unrelated))).toBeLessThan(0.2);
    expect(fingerprint(script)).toHaveLength(64);
  });
});

describe.each(testDatabases())('coordinated submissions on $name', (target) => {
  const ctx = useTestDatabase(target);
  const accounts: Viewer[] = [];

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    for (const name of ['coord-a', 'coord-b', 'coord-c', 'coord-d']) {
      const userId = await insertUser(ctx.db, name, 'submitter');
      accounts.push((await resolveSession(ctx.db, await createSession(ctx.db, userId, false)))!);
    }
  });

  const submit = (viewer: Viewer, narrative: string) => submittedTestimony(ctx.db, viewer, { account: { narrative } });
  const flagsOf = async (id: string) =>
    (await ctx.db.select().from(testimonyFlags).where(or(eq(testimonyFlags.testimonyId, id), eq(testimonyFlags.relatedTestimonyId, id)))).map((f) => [f.testimonyId, f.relatedTestimonyId]);

  it('flags both of two near-identical testimonies from different accounts; not different texts, not the same account, not outside the window', async () => {
    const [a, b, c, d] = accounts as [Viewer, Viewer, Viewer, Viewer];
    const first = await submit(a, script);
    const sameAccount = await submit(a, edited);
    const other = await submit(b, unrelated);
    expect(await flagsOf(sameAccount)).toEqual([]);
    expect(await flagsOf(other)).toEqual([]);

    const copy = await submit(c, edited);
    const flagged = await flagsOf(copy);
    expect(flagged).toEqual(expect.arrayContaining([[copy, first], [first, copy], [copy, sameAccount], [sameAccount, copy]]));
    expect(flagged).toHaveLength(4);

    // Outside the window (72 hours by default): the old ones are no longer candidates.
    await ctx.db.update(testimonies).set({ submittedAt: new Date(Date.now() - 73 * 3_600_000) }).where(or(eq(testimonies.id, first), eq(testimonies.id, sameAccount), eq(testimonies.id, copy)));
    const late = await submit(d, script);
    const lateFlags = await flagsOf(late);

    const missed = flagged.length === 4 ? 0 : 1;
    const wrong = (await flagsOf(other)).length + (await flagsOf(sameAccount)).filter(([x, y]) => x !== copy && y !== copy).length + lateFlags.length;
    recordFigure({ figure: 'coordinated pairs not flagged', measured: missed, target: '0', ok: missed === 0 });
    recordFigure({ figure: 'pairs flagged wrongly (different text, same account, outside the window)', measured: wrong, target: '0', ok: wrong === 0 });
    expect(lateFlags).toEqual([]);
    expect(wrong).toBe(0);

    const [row] = await ctx.db.select({ fingerprint: testimonies.fingerprint }).from(testimonies).where(eq(testimonies.id, late));
    expect(row!.fingerprint).toHaveLength(64);
  });
});
