// The submitter's journeys (issue 18), as a frightened mother lives them on a phone in Persian and
// as someone at a desk does in English, with JavaScript on and off: get in and write a testimony,
// get back in after losing the passphrase, and leave without a trace.
import { expect, test } from '../fixtures';
import { unique } from '../support/accounts';
import { fillAbout, fillAccount } from '../support/submission';
import { publishAsModerator } from '../support/publish';
import { answerNeutralSite, firstPassphrase, journeys, neutralSite, sessionAlive, signInAs, signUpKeepingCodes, signedInArea, smallPhoto } from './support';

const newPassphrase = 'seven lanterns over a quiet river';

for (const { words: w, viewport } of journeys) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${w.locale}, ${viewport.width}×${viewport.height}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('sign up, keep the codes, write a testimony with a photo, submit it, find it from the header, hear that it was published', async ({ page, browser }) => {
        test.setTimeout(180_000);
        const username = unique(`mother-${w.locale}`);
        const codes = await signUpKeepingCodes(page, w, username);
        expect(codes.every((c) => /^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/.test(c))).toBe(true);
        // "I have saved my codes — continue" goes on to the submission, where the header says who is signed in.
        await page.getByRole('link', { name: w.signUp.continueSaved }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/submit$`));
        await expect(signedInArea(page, w)).toBeVisible();
        await expect(page.getByText(username, { exact: true })).toBeVisible();
        await page.getByRole('button', { name: w.steps.start }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/submit/[0-9a-f-]+/about$`));
        const person = w.locale === 'fa' ? 'امید آزمون‌زاده' : 'Omid Journeytest';
        await fillAbout(page, w.steps, person);
        await page.getByRole('button', { name: w.steps.next, exact: true }).click();
        await expect(page).toHaveURL(/\/account$/);
        await fillAccount(page, w.steps, w.locale === 'fa' ? 'آن شب پسرم از خانه بیرون رفت.' : 'That night my son left the house.');
        await page.getByRole('button', { name: w.steps.next, exact: true }).click();
        await expect(page).toHaveURL(/\/files$/);

        const files = page.getByRole('form', { name: w.media.heading });
        await files.getByLabel(w.media.fileLabel).setInputFiles({ name: 'street.jpg', mimeType: 'image/jpeg', buffer: await smallPhoto() });
        await files.getByLabel(w.media.captionLabel).fill(w.locale === 'fa' ? 'خیابان' : 'The street');
        await files.getByRole('button', { name: w.media.submit }).click();
        await expect(page.getByText(w.media.uploaded)).toBeVisible({ timeout: 30_000 });

        await page.getByRole('button', { name: w.steps.next, exact: true }).click();
        // (Without JavaScript the upload's answer scrolled to the files list: its #fragment stays.)
        await expect(page).toHaveURL(/\/consent(#[\w-]+)?$/);
        // She wants it on the memorial (the safe choice, documentation only, is preselected).
        await page.getByRole('radio', { name: w.consent.publishOptions.public }).check();
        await page.getByRole('button', { name: w.steps.next, exact: true }).click();
        await expect(page).toHaveURL(/\/review(#[\w-]+)?$/);
        if (javaScriptEnabled) await expect(page.getByRole('checkbox', { name: w.locale === 'fa' ? 'بررسی شد: من ربات نیستم' : 'Checked: a person is sending this form' })).toBeChecked({ timeout: 30_000 });
        await page.getByRole('button', { name: w.steps.submit }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/my-testimonies/[0-9a-f-]+\\?done=submitted(#[\\w-]+)?$`));
        const submittedUrl = page.url();

        await signedInArea(page, w).getByRole('link', { name: w.area.myTestimonies }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/my-testimonies$`));
        await expect(page.getByRole('heading', { level: 1, name: w.myTestimonies })).toBeVisible();
        await expect(page.getByRole('link', { name: person })).toBeVisible();

        // A moderator publishes it; when she comes back, the header says there is news, and the list says what.
        const testimonyId = /\/my-testimonies\/([0-9a-f-]{36})\?done=/.exec(submittedUrl)![1]!;
        await publishAsModerator(browser, testimonyId);
        await page.goto(`/${w.locale}/my-testimonies`);
        const news = page.getByRole('banner').getByRole('link', { name: new RegExp(`^${w.notifications.title}`) });
        await expect(news).toHaveText(`${w.notifications.title} ${w.locale === 'fa' ? '۲ تازه' : '2 new'}`);
        await news.click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/notifications$`));
        const published = page.locator('main li:not(nav li)').filter({ hasText: w.notifications.kinds.published });
        await expect(published).toHaveCount(1);
        await published.getByRole('button', { name: w.notifications.open }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/my-testimonies/${testimonyId}$`));
      });

      test('going back through the steps shows what was saved; what was typed and not yet saved is kept', async ({ page }) => {
        test.setTimeout(90_000);
        const dialogs: string[] = [];
        // Answered after a moment, as a person reads the question: the time the save has to arrive.
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.type());
          setTimeout(() => void dialog.accept(), 1500);
        });
        await signUpKeepingCodes(page, w, unique(`back-${w.locale}`));
        await page.goto(`/${w.locale}/submit`);
        await page.getByRole('button', { name: w.steps.start }).click();
        await expect(page).toHaveURL(/\/about$/);
        const person = w.locale === 'fa' ? 'سارا بازگشتی' : 'Sara Backtest';
        await fillAbout(page, w.steps, person);
        await page.getByRole('button', { name: w.steps.next, exact: true }).click();
        await expect(page).toHaveURL(/\/account$/);
        const narrative = page.getByRole('textbox', { name: w.steps.narrative, exact: true });
        const typed = w.locale === 'fa' ? 'نوشته‌ای که هنوز ذخیره نشده' : 'Words not saved yet';
        await narrative.fill(typed);

        // The browser's Back: the first step as she saved it, not as it was first shown (empty).
        await page.goBack();
        await expect(page).toHaveURL(/\/about$/);
        await expect(page.getByLabel(w.steps.nameFa)).toHaveValue(person);
        await expect(page.getByLabel(w.steps.outcome)).toHaveValue('killed');
        // Without JavaScript nothing can send what was typed and not posted: the saved steps are what comes back.
        if (!javaScriptEnabled) return;

        // Forward again: what she typed on the second step was saved as she left it.
        await page.goForward();
        await expect(page).toHaveURL(/\/account$/);
        await expect(narrative).toHaveValue(typed);
        // Another step's link with words not yet saved: saved first, nothing asked.
        await narrative.fill(`${typed} 2`);
        await page.getByRole('navigation', { name: w.stepsNav }).getByRole('link', { name: w.stepNames.about }).click();
        await expect(page).toHaveURL(/\/about$/);
        await expect(page.getByLabel(w.steps.nameFa)).toHaveValue(person);
        await page.goBack();
        await expect(narrative).toHaveValue(`${typed} 2`);
        expect(dialogs).toEqual([]);
        // The header's Statistics link (a client-side navigation before): saved first, nothing asked.
        await expect.poll(() => narrative.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber')))).toBe(true);
        await narrative.fill(`${typed} 4`);
        await page.getByRole('navigation', { name: w.locale === 'fa' ? 'اصلی' : 'Main' }).getByRole('link', { name: w.locale === 'fa' ? 'آمار' : 'Statistics' }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/statistics$`));
        await page.goBack();
        await expect(narrative).toHaveValue(`${typed} 4`);
        expect(dialogs).toEqual([]);
        // A pause in typing: saved within seconds, without leaving (shown by the step's saved note).
        // Back from the statistics page is a whole page load: typing waits for the page's script, as above.
        await expect.poll(() => narrative.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber')))).toBe(true);
        await narrative.fill(`${typed} 5`);
        await page.waitForTimeout(4_500);
        await page.reload();
        await expect(narrative).toHaveValue(`${typed} 5`);
        expect(dialogs).toEqual([]);
        // A whole page load: typing before the page's script has taken over the field races React
        // setting it up (Playwright's fill then lands beside the old text), which no person does.
        await expect.poll(() => narrative.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber')))).toBe(true);
        // Reloading (or Back after a whole page load) with words not yet saved: the save starts and
        // the browser asks whether to leave; leaving, the words are there.
        await narrative.fill(`${typed} 3`);
        await page.reload();
        await expect(narrative).toHaveValue(`${typed} 3`);
        expect(dialogs).toEqual(['beforeunload']);
      });

      test('lose the passphrase, recover with a code, sign in with the new one; the old session is ended', async ({ page, browser, baseURL }) => {
        test.setTimeout(90_000);
        const username = unique(`lost-${w.locale}`);
        const codes = await signUpKeepingCodes(page, w, username);
        const oldPhone = await page.context().cookies();

        // Another browser, without the passphrase: "I lost my passphrase" from the sign-in page.
        const other = await browser.newContext({ baseURL, viewport, javaScriptEnabled });
        const p = await other.newPage();
        await p.goto(`/${w.locale}/sign-in`);
        await p.getByRole('link', { name: w.signIn.lostPassphrase }).click();
        await expect(p).toHaveURL(new RegExp(`/${w.locale}/recover$`));
        const form = p.getByRole('form', { name: w.recovery.title });
        // On a Persian keyboard she types the username's digits as ۱۲: the same account.
        const typedName = w.locale === 'fa' ? username.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) : username;
        await form.getByLabel(w.recovery.username).fill(typedName);
        // A wrong code: the one answer, everything but the secrets kept.
        await form.getByLabel(w.recovery.code).fill('zzzz-zzzz-zzzz');
        await form.getByLabel(w.recovery.passphrase, { exact: true }).fill(newPassphrase);
        await form.getByLabel(w.recovery.passphraseConfirm).fill(newPassphrase);
        await form.getByRole('button', { name: w.recovery.submit }).click();
        await expect(form.getByText(w.locale === 'fa' ? 'این نام کاربری و این کد بازیابی با هم جور نیستند' : 'This username and recovery code do not go together')).toBeVisible();
        await expect(form.getByLabel(w.recovery.username)).toHaveValue(typedName);

        await form.getByLabel(w.recovery.code).fill(codes[2]!.toUpperCase());
        await form.getByLabel(w.recovery.passphrase, { exact: true }).fill(newPassphrase);
        await form.getByLabel(w.recovery.passphraseConfirm).fill(newPassphrase);
        await form.getByRole('button', { name: w.recovery.submit }).click();
        await expect(p.getByRole('heading', { name: w.recovery.doneHeading })).toBeVisible();
        await expect(p.getByText(w.locale === 'fa' ? '۹ کد بازیابی برای شما مانده است.' : 'You have 9 recovery codes left.')).toBeVisible();

        // Every old session ended: the first phone is signed out on the server.
        expect(await sessionAlive(browser, baseURL!, oldPhone)).toBe(false);
        await page.goto(`/${w.locale}/my-testimonies`);
        // Signed out, the sign-in address says nothing of the page asked for (lib/authz/sign-in-return.ts).
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/sign-in$`));

        await p.getByRole('link', { name: w.recovery.signIn }).click();
        await signInAs(p, w, username, firstPassphrase);
        await expect(p.getByRole('form', { name: w.signIn.title }).getByRole('alert')).toBeVisible();
        await signInAs(p, w, typedName, newPassphrase);
        await expect(p).toHaveURL(new RegExp(`/${w.locale}/account$`));
        await expect(signedInArea(p, w)).toBeVisible();
        await expect(p.getByText(username, { exact: true }).first()).toBeVisible();
        await other.close();
      });

      test('leave quickly: the session ends on the server, Back shows nothing of the form, no draft is made', async ({ page, browser, baseURL, foreignRequests }) => {
        test.setTimeout(90_000);
        const expected = await answerNeutralSite(page.context(), foreignRequests);
        const username = unique(`leave-${w.locale}`);
        await signUpKeepingCodes(page, w, username);
        const testimonies = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
        const before = await countTestimonies();
        await page.goto(`/${w.locale}/submit`);
        await page.getByRole('button', { name: w.steps.start }).click();
        await expect(page).toHaveURL(/\/about$/);
        const typed = w.locale === 'fa' ? 'نامی که نباید دیده شود' : 'A name nobody should see';
        await page.getByLabel(w.steps.nameFa).fill(typed);
        const cookies = await page.context().cookies();

        // The bar covers nothing: it is above the header's links, not on them.
        const bar = page.getByRole('button', { name: w.quickExit.label });
        const english = page.getByRole('link', { name: w.locale === 'fa' ? 'English' : 'فارسی' });
        await page.evaluate(() => window.scrollTo(0, 0));
        const [barBox, linkBox] = [await bar.boundingBox(), await english.boundingBox()];
        expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(linkBox!.y);

        if (javaScriptEnabled && w.locale === 'en') {
          await page.getByLabel(w.steps.nameFa).press('Escape');
          await page.keyboard.press('Escape');
        } else {
          await bar.click();
        }
        await expect(page).toHaveURL(neutralSite);
        await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
        expect(await sessionAlive(browser, baseURL!, cookies)).toBe(false);
        expect((await page.context().cookies()).filter((c) => c.domain === 'localhost')).toEqual([]);

        await page.goBack();
        await expect(page.getByText(typed)).toHaveCount(0);
        await expect(page.getByLabel(w.steps.nameFa)).toHaveCount(0);
        // Nor does the address Back lands on say what she was doing.
        expect(page.url()).not.toMatch(/next=|submit|my-testimonies/);

        // Back in later: the one draft is the one "Start" made before leaving; leaving made none.
        await page.goto(`/${w.locale}/sign-in`);
        await signInAs(page, w, username, firstPassphrase);
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/account$`));
        expect(await countTestimonies()).toBe(before + 1);
        expected();

        async function countTestimonies() {
          await page.goto(`/${w.locale}/my-testimonies`);
          await expect(page.getByRole('heading', { level: 1, name: w.myTestimonies })).toBeVisible();
          return testimonies.count();
        }
      });
    });
  }
}

test.describe('from a person page, English, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('"Report a correction or add a testimony" starts a testimony about that person', async ({ page }) => {
    const w = journeys[1].words;
    await signUpKeepingCodes(page, w, unique('relative'));
    await page.goto('/en');
    await page.getByRole('main').locator('a[href*="/en/persons/"]').first().click();
    const personId = page.url().slice(-36);
    await page.getByRole('link', { name: 'Report a correction or add a testimony about this person' }).click();
    await expect(page.getByText('This testimony will be about:')).toBeVisible();
    await page.getByRole('button', { name: w.steps.start }).click();
    await expect(page).toHaveURL(/\/about$/);
    await expect(page.locator(`input[name="personId"][value="${personId}"]`)).toBeChecked();
  });
});
