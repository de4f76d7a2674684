// What "Approve and publish" publishes, walked as a moderator did it (Persian at 1366 × 768 and
// English on a phone, JavaScript on and off): names replaced in the box and not saved, then
// "Approve and publish" — refused, the typed text kept, nothing public (it used to publish the
// saved text, names, street and phone included); "Redact the ticked items" keeps the hand edit;
// publishing while the checks still find something is refused until the moderator redacts it or
// ticks, item by item, that it is not identifying. Then the public person page and search are read:
// none of the redacted words are there, and what was published is.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { submitTestimony } from './support/submission';

type Locale = 'en' | 'fa';
const catalogues = { en: enMessages, fa: faMessages };
const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
const phoneSize: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// Each save re-renders the review page on the server; on a busy machine that takes a while.
const slowExpect = expect.configure({ timeout: 20_000 });

/** A word no other test writes, for the search (letters only: one word to the search index). */
const word = (letters: string) => Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const faWord = () => word('بپتجچحخدرزسشطعغفقکگلمنوهی');
const enWord = () => `Q${word('bcdfghjklmnpqrstvwxz')}`;

/** Optional screenshots of the walk (E2E_SHOTS=folder), to look at. */
const shot = (page: Page, name: string) => (process.env.E2E_SHOTS ? page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true }) : undefined);

function story(locale: Locale) {
  if (locale === 'fa') {
    const [witness, brother, kept] = [`مریم ${faWord()}`, `علی ${faWord()}`, faWord()];
    const address = 'کوچه شهید رجایی، پلاک ۷';
    const phone = '0917 222 3344';
    return { witness, brother, kept, address, phone, mark: '[حذف شد]', narrative: `من، ${witness}، ساعت پنج عصر آنجا بودم. برادرم ${brother} او را به بیمارستان ${kept} رساند. خانه‌مان ${address} است. اگر سؤالی دارید با شمارهٔ ${phone} تماس بگیرید.` };
  }
  const [witness, brother, kept] = [`Parisa ${enWord()}`, `Reza ${enWord()}`, enWord()];
  const address = '5 Zand Street';
  const phone = '0917 222 3344';
  // A number the moderator may rightly leave: a public office's line.
  const office = '021 8855 4433';
  return { witness, brother, kept, address, phone, office, mark: '[redacted]', narrative: `I, ${witness}, was there at five. My brother ${brother} took him to the ${kept} hospital. We live at ${address}. Call me on ${phone}. The Red Crescent office answers on ${office}.` };
}

async function moderatorOn(browser: Browser, id: string, locale: Locale, options: BrowserContextOptions) {
  const signing = await (await browser.newContext()).newPage();
  await signInAsStaff(signing, 'demo-moderator', '/en/staff');
  const page = await (await browser.newContext({ ...options, storageState: await signing.context().storageState() })).newPage();
  await signing.context().close();
  await page.goto(`/${locale}/staff/testimonies/${id}`);
  const m = catalogues[locale].Moderation;
  await page.getByRole('button', { name: m.claim }).click();
  await expect(page.getByText(m.heldByYou)).toBeVisible();
  return page;
}

for (const [locale, options, size] of [['fa', desktop, '1366 × 768'], ['en', phoneSize, '390 × 844']] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${locale === 'fa' ? 'Persian' : 'English'} at ${size}: unsaved redactions are never published, and what the checks still find needs the moderator's word`, async ({ browser }) => {
      test.setTimeout(240_000);
      const c = catalogues[locale];
      const m = c.Moderation;
      const s = story(locale);
      const about = unique('Kaveh Example');
      const submitting = await browser.newContext();
      const id = await submitTestimony(await submitting.newPage(), unique('safety'), about, s.narrative);
      await submitting.close();
      const page = await moderatorOn(browser, id, locale, { ...options, javaScriptEnabled });
      const tag = `${locale}-${javaScriptEnabled ? 'js' : 'nojs'}`;
      const box = page.getByLabel(m.redactedTextLabel);
      const publish = page.getByRole('button', { name: m.approvePublish });
      const preview = page.locator('#preview');
      const status = page.getByText(m.statusLabel);

      // 1. The witness's and her brother's names replaced in the box, not saved, then "Approve and publish".
      const names = s.narrative.replace(s.witness, s.mark).replace(s.brother, s.mark);
      await box.fill(names);
      if (javaScriptEnabled) {
        // Marked beside the publish button, in a live region, before anything is pressed.
        await expect(page.locator('#publish-unsaved')).toHaveText(m.unsavedBeforePublish);
        await expect(page.getByText(m.unsavedMarker)).toBeVisible();
      }
      await shot(page, `${tag}-1-unsaved`);
      await publish.click();
      await slowExpect(page.getByText(c.Errors.unsaved_changes)).toBeVisible();
      await expect(page.getByText(c.Validation.unsavedChanges)).toBeVisible();
      await expect(box).toHaveValue(names);
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await expect(status).toContainText(m.status.in_review);
      await shot(page, `${tag}-2-refused-unsaved`);

      // 2. "Redact the ticked items" on that box: the names stay redacted (the box is not rebuilt
      //    from the saved text); the address left unticked (fa) / the office line left unticked (en).
      const left = locale === 'fa' ? `${m.kinds.address}: ${s.address}` : `${m.kinds.phone}: ${s.office}`;
      await page.locator('fieldset:has(input[name="span"])').getByRole('checkbox', { name: left }).uncheck();
      await page.getByRole('button', { name: m.applySuggestions }).click();
      const applied = locale === 'fa' ? names.replace(s.phone, s.mark) : names.replace(s.phone, s.mark).replace(s.address, s.mark);
      await slowExpect(box).toHaveValue(applied);
      await expect(preview).not.toContainText(s.witness);
      await expect(preview).not.toContainText(s.phone);
      if (javaScriptEnabled) await expect(page.locator('#publish-unsaved')).toHaveText('');

      // 3. The checks still find something: publishing is refused until the moderator answers for it.
      const confirm = page.getByRole('group', { name: m.notIdentifyingLegend });
      await expect(confirm).toBeVisible();
      await shot(page, `${tag}-3-still-contains`);
      await publish.click();
      await slowExpect(page.getByText(c.Errors.identifying_details)).toBeVisible();
      await expect(page.getByText(c.Validation.confirmNotIdentifying)).toBeVisible();
      await expect(status).toContainText(m.status.in_review);
      if (locale === 'fa') {
        // The moderator redacts the address by hand and saves; nothing is left to confirm.
        await box.fill(applied.replace(s.address, s.mark));
        await page.getByRole('button', { name: m.saveRedaction }).click();
        await slowExpect(preview).not.toContainText(s.address);
        await expect(confirm).toHaveCount(0);
      } else {
        // The office line is a public number: the moderator says so, item by item.
        await confirm.getByRole('checkbox', { name: `${m.kinds.phone}: ${s.office}` }).check();
      }
      await shot(page, `${tag}-4-before-publish`);
      await publish.click();
      await slowExpect(page.locator('#decided[role="status"]')).toHaveText(m.decided.public);
      await expect(status).toContainText(m.status.published);

      // 4. Readers: the person page and the search have none of the redacted words.
      const reader = await browser.newContext({ javaScriptEnabled });
      const publicPage = await reader.newPage();
      await publicPage.goto(`/${locale}/testimonies/${id}`);
      await expect(publicPage).toHaveURL(/\/persons\//);
      const body = publicPage.locator('main');
      await expect(body).toContainText(s.kept);
      for (const secret of [s.witness, s.brother, s.phone, s.address]) await expect(body).not.toContainText(secret);
      if (locale === 'en') await expect(body).toContainText(s.office!);
      await shot(publicPage, `${tag}-5-public-person`);
      const person = `a[href$="${new URL(publicPage.url()).pathname.split('/').at(-1)}"]`;
      const results = (q: string) => publicPage.goto(`/${locale}/search?q=${encodeURIComponent(q)}`).then(() => publicPage.locator('section[aria-labelledby="results-heading"]'));
      // The kept word finds the person (the search does read published testimonies)…
      await expect((await results(s.kept)).locator(person)).not.toHaveCount(0);
      // …the redacted names do not.
      for (const secret of [s.witness.split(' ')[1]!, s.brother.split(' ')[1]!]) await expect((await results(secret)).locator(person)).toHaveCount(0);
      await reader.close();
    });
  }
}

test('JavaScript on: leaving the page with unsaved redaction edits asks first; staying keeps them', async ({ browser }) => {
  test.setTimeout(180_000);
  const s = story('en');
  const submitting = await browser.newContext();
  const id = await submitTestimony(await submitting.newPage(), unique('leave'), unique('Kaveh Example'), s.narrative);
  await submitting.close();
  const page = await moderatorOn(browser, id, 'en', desktop);
  const m = enMessages.Moderation;
  const box = page.getByLabel(m.redactedTextLabel);
  const typed = s.narrative.replace(s.witness, s.mark);
  await box.fill(typed);
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: m.backToQueue }).click();
  await expect.poll(() => asked).toEqual([m.unsavedLeave]);
  await expect(page).toHaveURL(new RegExp(`/staff/testimonies/${id}$`));
  await expect(box).toHaveValue(typed);
  // Saved, nothing is asked.
  await page.getByRole('button', { name: m.saveRedaction }).click();
  await slowExpect(page.locator('#preview')).not.toContainText(s.witness);
  await page.getByRole('link', { name: m.backToQueue }).click();
  await expect(page).toHaveURL(/\/en\/staff$/);
});

test('JavaScript off: rejecting asks for a tick first; without it nothing is decided', async ({ browser }) => {
  test.setTimeout(180_000);
  const submitting = await browser.newContext();
  const id = await submitTestimony(await submitting.newPage(), unique('reject'), unique('Kaveh Example'), 'They took him at night.');
  await submitting.close();
  const page = await moderatorOn(browser, id, 'fa', { ...phoneSize, javaScriptEnabled: false });
  const c = faMessages;
  await page.getByLabel(c.Moderation.rejectReasonLabel).selectOption('duplicate');
  // The browser itself holds the form back while the tick is missing (it is required).
  await page.getByRole('button', { name: c.Moderation.reject, exact: true }).click();
  await expect(page.getByText(c.Moderation.statusLabel)).toContainText(c.Moderation.status.in_review);
  await page.getByRole('checkbox', { name: c.Moderation.rejectConfirm }).check();
  await page.getByRole('button', { name: c.Moderation.reject, exact: true }).click();
  await slowExpect(page.getByText(c.Moderation.statusLabel)).toContainText(c.Moderation.status.rejected);
});
