// Issue 18 items 5 and 6, issue 20 items 5–7: the submission form in Persian (390 × 844) and in
// English (desktop), JavaScript on and off. Every refusal is said next to its field, translated and
// announced; digits in Persian text are Persian; the date picker's months follow the chosen
// calendar; the file picker is translated; what a person typed keeps its order on a Persian page.
import type { Locator, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { en, fa, signUp } from './support/submission';

const planted = '<"Tehran">';

const words = {
  fa: {
    ...fa,
    search: 'جست‌وجوی نام در یادمان',
    searchButton: 'جست‌وجو',
    noMatch: 'کسی با این نام در یادمان نیست.',
    fatherName: 'نام پدر',
    city: 'شهر',
    tooLong: /بلندتر از ۲۰۰ حرف است/,
    calendar: 'تقویم',
    calendars: { persian: 'شمسی', gregorian: 'میلادی' },
    months: { persian: ['فروردین', 'آبان'], gregorian: ['ژانویه', 'نوامبر'] },
    accountStep: 'روایت شما',
    eventPlace: 'کجا رخ داد؟',
    filesForm: 'فایل‌ها',
    upload: 'بارگذاری فایل',
    fileMissing: 'یک فایل برای بارگذاری انتخاب کنید.',
    choose: 'انتخاب فایل',
    noneChosen: 'هنوز فایلی انتخاب نشده است',
  },
  en: {
    ...en,
    search: 'Search the memorial by name',
    searchButton: 'Search',
    noMatch: 'No one in the memorial matches this name.',
    fatherName: 'Father’s name',
    city: 'City',
    tooLong: /longer than 200 characters/,
    calendar: 'Calendar',
    calendars: { persian: 'Solar Hijri (Persian)', gregorian: 'Gregorian' },
    months: { persian: ['Farvardin', 'Aban'], gregorian: ['January', 'November'] },
    accountStep: 'Your testimony',
    eventPlace: 'Where did it happen?',
    filesForm: 'Files',
    upload: 'Upload file',
    fileMissing: 'Choose a file to upload.',
    choose: 'Choose a file',
    noneChosen: 'No file chosen yet',
  },
};
type Words = (typeof words)['fa'];

/** Tokens of the page's visible text that carry a Latin digit and no Latin letter (MP4, UTF-8 are names). */
async function latinDigitsInText(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return text.split(/[\s،؛؟«»()]+/).filter((token) => /[0-9]/.test(token) && !/[A-Za-z]/.test(token));
}

/** Month names offered by the month select. */
const monthOptions = (page: Page, w: Words) => page.getByLabel(w.monthField, { exact: true }).locator('option').allTextContents();

/** Whether every occurrence of `planted` in `scope` is laid out in typed order: < before " before T … > last. */
async function plantedInOrder(scope: Locator): Promise<boolean[]> {
  return scope.evaluate((root, needle) => {
    const results: boolean[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(needle);
      if (at < 0) continue;
      const xs = [...needle].map((_, i) => {
        const range = document.createRange();
        range.setStart(node!, at + i);
        range.setEnd(node!, at + i + 1);
        const box = range.getBoundingClientRect();
        return box.left + box.width / 2;
      });
      // Typed left to right: each character's centre lies to the right of the one before it.
      results.push(xs.every((x, i) => i === 0 || x > xs[i - 1]!));
    }
    return results;
  }, planted);
}

const cases = [
  { locale: 'fa' as const, viewport: { width: 390, height: 844 }, javaScriptEnabled: true },
  { locale: 'fa' as const, viewport: { width: 390, height: 844 }, javaScriptEnabled: false },
  { locale: 'en' as const, viewport: { width: 1280, height: 900 }, javaScriptEnabled: true },
  { locale: 'en' as const, viewport: { width: 1280, height: 900 }, javaScriptEnabled: false },
];

for (const { locale, viewport, javaScriptEnabled } of cases) {
  const w = words[locale] as Words;
  test.describe(`${locale}, ${viewport.width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ viewport, javaScriptEnabled });

    test('every refusal is said next to its field; months follow the calendar; typed values keep their order', async ({ page }) => {
      test.setTimeout(120_000);
      await signUp(page, unique(`forms-${locale}`));
      await page.goto(`/${locale}/submit`);
      await page.getByRole('button', { name: w.start }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/submit/[0-9a-f-]{36}/about$`));
      // "گام ۱ از ۵", not "گام 1 از 5".
      if (locale === 'fa') expect(await latinDigitsInText(page)).toEqual([]);

      // The person search says when no one matches, next to its field.
      await page.getByRole('searchbox', { name: w.search }).fill('ژژژقققووو');
      await page.getByRole('button', { name: w.searchButton, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: w.noMatch })).toBeVisible();
      await expect(page.getByRole('searchbox', { name: w.search })).toHaveAccessibleDescription(new RegExp(w.noMatch.replace('.', '\\.')));

      // The date picker's months are the chosen calendar's, in the page's language.
      await page.getByLabel(w.calendar).first().selectOption({ label: w.calendars.persian });
      if (javaScriptEnabled) {
        // The months change as the page re-renders after the choice: polled, not read once.
        await expect.poll(() => monthOptions(page, w)).toEqual(expect.arrayContaining(w.months.persian));
        await page.getByLabel(w.calendar).first().selectOption({ label: w.calendars.gregorian });
        await expect.poll(() => monthOptions(page, w)).toEqual(expect.arrayContaining(w.months.gregorian));
        expect(await monthOptions(page, w)).not.toContain(w.months.persian[1]);
      } else if (locale === 'fa') {
        expect(await monthOptions(page, w)).toEqual(expect.arrayContaining(w.months.persian));
      }

      // A father's name over 200 characters is refused with a message that names the limit.
      await page.getByLabel(w.nameFa).fill(locale === 'fa' ? 'نام آزمایشی' : 'Test Name');
      await page.getByLabel(w.outcome).selectOption({ label: w.killed });
      await page.getByRole('radio', { name: w.exact }).check();
      await page.getByLabel(w.calendar).first().selectOption({ label: w.calendars.persian });
      await page.getByLabel(w.day, { exact: true }).selectOption('25');
      await page.getByLabel(w.monthField, { exact: true }).selectOption('8');
      await page.getByLabel(w.year, { exact: true }).fill(locale === 'fa' ? '۱۳۹۸' : '1398');
      await page.getByLabel(w.fatherName).fill('ب'.repeat(201));
      await page.getByLabel(w.city).fill(planted);
      // With JavaScript the refusal is the browser's own check (react-hook-form on the step's zod
      // schema, loaded on the form's first use): the step is never sent. An autosave may be.
      const sentSteps: string[] = [];
      const onRequest = (request: Request) => {
        if (request.method() === 'POST' && /name="[^"]*intent"\s+next/.test(request.postData() ?? '')) sentSteps.push(request.url());
      };
      page.on('request', onRequest);
      await page.getByRole('button', { name: w.next, exact: true }).click();
      const father = page.getByLabel(w.fatherName);
      await expect(father).toHaveAccessibleDescription(w.tooLong);
      await expect(father).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByRole('alert').filter({ hasText: w.tooLong })).toBeVisible();
      const sentBeforeCorrection = sentSteps.length;
      await expect(page).toHaveURL(/\/about(\?|$)/); // still this step (the person search left its ?q=)

      await father.fill(planted);
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await expect(page).toHaveURL(/\/account$/);
      page.off('request', onRequest);
      // Without JavaScript both posts reach the server; with it only the corrected one (which also
      // shows that a sent step is recognised here).
      expect([sentBeforeCorrection, sentSteps.length]).toEqual(javaScriptEnabled ? [0, 1] : [1, 2]);
      // The step and its narrative field have different names.
      await expect(page.getByRole('form', { name: w.accountStep })).toBeVisible();
      await expect(page.getByRole('textbox', { name: w.narrative, exact: true })).toBeVisible();
      expect(w.narrative).not.toBe(w.accountStep);
      await page.getByLabel(w.relationship).selectOption({ label: w.mother });
      await page.getByRole('radio', { name: w.firstHand }).check();
      await page.getByRole('textbox', { name: w.narrative, exact: true }).fill(locale === 'fa' ? 'آن شب در خیابان بودیم.' : 'We were in the street that night.');
      await page.getByLabel(w.eventPlace).fill(planted);
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await expect(page).toHaveURL(/\/files(#.*)?$/);
      if (locale === 'fa') expect(await latinDigitsInText(page)).toEqual([]);

      // The file picker speaks the page's language, and Upload with no file says why.
      const files = page.getByRole('form', { name: w.filesForm });
      await expect(files.getByText(w.choose, { exact: true })).toBeVisible();
      await expect(files.getByText(w.noneChosen)).toBeVisible();
      // Polled: the text is in the DOM before the stylesheet has applied (a whole page load without
      // JavaScript), and only the stylesheet hides the browser's own control.
      await expect
        .poll(async () => {
          const nativeBox = await files.locator('input[type=file]').boundingBox();
          return (nativeBox?.width ?? 0) <= 1 && (nativeBox?.height ?? 0) <= 1;
        })
        .toBe(true);
      await files.getByRole('button', { name: w.upload }).click();
      await expect(page.getByRole('alert').filter({ hasText: w.fileMissing })).toBeVisible();
      await expect(page.locator('#attachment-file')).toHaveAccessibleDescription(new RegExp(w.fileMissing.replace('.', '\\.')));
      // Choosing a file takes the refusal away (it stayed, issue 18); without JavaScript, the next post does.
      if (javaScriptEnabled) await files.locator('input[type=file]').setInputFiles({ name: 'street.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
      if (javaScriptEnabled) await expect(page.getByRole('alert').filter({ hasText: w.fileMissing })).toHaveCount(0);

      // The review shows the planted value, in the order it was typed, wherever it appears.
      await page.goto(page.url().replace(/\/files.*$/, '/review'));
      const review = page.getByRole('main');
      await expect(review.getByText(planted).first()).toBeVisible();
      const order = await plantedInOrder(review);
      expect(order.length).toBeGreaterThanOrEqual(3); // father's name, city, place of the event
      expect(order.every(Boolean), `order of ${planted} on the review page`).toBe(true);
      if (locale === 'fa') expect(await latinDigitsInText(page)).toEqual([]);
    });
  });
}
