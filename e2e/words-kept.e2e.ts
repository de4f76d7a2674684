// Issue 18, a mother's words are never lost: what a frightened mother on a phone found lost (or
// moved from under her finger) while the page said nothing was lost. Persian on a 390 × 844 phone,
// with JavaScript on and off as each finding was.
import type { Page } from '@playwright/test';
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { fa, fillAccount, signUp, startDraft } from './support/submission';

const phone = { width: 390, height: 844 };
const nothingLost = /از دست نرفته/;
const m = faMessages;

test.describe('JavaScript on, a phone offline', () => {
  test.use({ viewport: phone });

  // Not yet: wrapping the action given to useActionState (to catch the failed fetch) made React
  // render every form's action as `javascript:throw …` without JavaScript (the wrapper has no
  // server reference to encode), so that fix was taken out. To do: catch the failed post without
  // replacing the server reference (e.g. copy $$FORM_ACTION / $$IS_SIGNATURE_EQUAL, or handle it
  // in the onSubmit paths only).
  test.fixme('a step posted offline keeps the form and what was typed, says why in her words, and saves once connected', async ({ page, context }) => {
    test.setTimeout(90_000);
    await signUp(page, unique('offline'));
    const draft = await startDraft(page);
    await page.goto(`/fa/submit/${draft}/account`);
    const form = page.getByRole('form', { name: m.Submit.steps.account });
    // The other answers while connected (the page's check loads on the first touch), then the
    // connection drops and she writes the narrative.
    await fillAccount(page, fa, 'در حال نوشتن');
    await page.getByRole('textbox', { name: fa.narrative, exact: true }).fill('');
    await context.setOffline(true);
    const narrative = 'پسرم آن شب از خانه بیرون رفت و دیگر برنگشت. این را بی‌اینترنت نوشتم.';
    await page.getByRole('textbox', { name: fa.narrative, exact: true }).fill(narrative);
    await form.getByRole('button', { name: fa.next, exact: true }).click();

    // The form is still there with her words, and says what happened: her connection, kept on this page only.
    const alert = form.getByRole('alert').filter({ hasText: m.Errors.offline });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('textbox', { name: fa.narrative, exact: true })).toHaveValue(narrative);
    await expect(page.getByText(m.ErrorPage.title)).toHaveCount(0);
    await expect(page.getByText(nothingLost)).toHaveCount(0);
    await expect(page).toHaveURL(/\/account$/);

    // Connected again, the same button sends it.
    await context.setOffline(false);
    await form.getByRole('button', { name: fa.next, exact: true }).click();
    await expect(page).toHaveURL(/\/files$/);
    await page.goto(`/fa/submit/${draft}/account`);
    await expect(page.getByRole('textbox', { name: fa.narrative, exact: true })).toHaveValue(narrative);
  });
});

test.describe('JavaScript on, a touch phone', () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test('the first tap on "yes, publish" stays chosen, and is what is saved', async ({ page }) => {
    test.setTimeout(90_000);
    await signUp(page, unique('consent-tap'));
    const draft = await startDraft(page);
    await page.goto(`/fa/submit/${draft}/consent`);
    await page.waitForLoadState('networkidle');
    const publish = page.getByRole('group', { name: m.Submit.consent.publish });
    const documentation = publish.getByRole('radio', { name: m.Submit.consent.publishOptions.documentation_only });
    const yes = publish.getByRole('radio', { name: m.Submit.consent.publishOptions.public });
    await expect(documentation).toBeChecked();
    // Her first touch of the page: it also loads the page's check.
    await yes.tap();
    await page.waitForLoadState('networkidle');
    await expect(yes).toBeChecked();
    await expect(documentation).not.toBeChecked();
    await page.getByRole('button', { name: fa.next, exact: true }).tap();
    await expect(page).toHaveURL(/\/review$/);
    await page.goto(`/fa/submit/${draft}/consent`);
    await expect(page.getByRole('group', { name: m.Submit.consent.publish }).getByRole('radio', { name: m.Submit.consent.publishOptions.public })).toBeChecked();
  });

  test('sign-up: after a refused username, the next box does not move under her finger', async ({ page }) => {
    await page.goto('/fa/sign-up');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: m.SignUp.generateButton }).tap();
    const form = page.getByRole('form', { name: m.SignUp.title });
    const saved = form.getByRole('checkbox', { name: m.SignUp.saved });
    await expect(saved).toBeVisible();
    await form.getByLabel(m.SignUp.username).fill('مادر محمد');
    await saved.scrollIntoViewIfNeeded();
    const before = await saved.boundingBox();
    await saved.tap();
    await page.waitForLoadState('networkidle');
    await expect(saved).toBeChecked();
    expect((await saved.boundingBox())?.y).toBe(before?.y);
    // The username is still refused, on sending.
    await form.getByRole('button', { name: m.SignUp.submit }).tap();
    await expect(form.getByText(m.Validation.usernameCharacters)).toBeVisible();
  });
});

for (const javaScriptEnabled of [false, true]) test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}, a phone`, () => {
  test.use({ viewport: phone, javaScriptEnabled });

  test('the person search keeps what she typed about someone not in the memorial', async ({ page }) => {
    test.setTimeout(90_000);
    await signUp(page, unique('search-keeps'));
    const draft = await startDraft(page);
    await page.goto(`/fa/submit/${draft}/about`);
    await page.getByLabel(m.Submit.about.nameFa).fill('محمد آزمونی');
    await page.getByLabel(m.Submit.about.outcome).selectOption({ label: fa.killed });
    await page.getByLabel(m.Submit.about.city, { exact: true }).fill('ایذه');
    await page.getByRole('searchbox', { name: m.Submit.about.searchLabel }).fill('ژژژقققووو');
    await page.getByRole('button', { name: m.Submit.about.searchButton, exact: true }).click();
    await expect(page).toHaveURL(/\/about\?q=/);
    await expect(page.getByRole('status').filter({ hasText: m.Submit.about.noMatches })).toBeVisible();
    await expect(page.getByLabel(m.Submit.about.nameFa)).toHaveValue('محمد آزمونی');
    await expect(page.getByLabel(m.Submit.about.outcome).locator('option:checked')).toHaveText(fa.killed);
    await expect(page.getByLabel(m.Submit.about.city, { exact: true })).toHaveValue('ایذه');
    await expect(page.getByRole('searchbox', { name: m.Submit.about.searchLabel })).toHaveValue('ژژژقققووو');
  });
});

test.describe('JavaScript off, sign-up on a phone', () => {
  test.use({ viewport: phone, javaScriptEnabled: false });

  const signUpForm = (page: Page) => page.getByRole('form', { name: m.SignUp.title });

  test('a refused username gives back the generated passphrase she copied, in its box and in the fields', async ({ page }) => {
    await page.goto('/fa/sign-up');
    await page.getByRole('button', { name: m.SignUp.generateButton }).click();
    const box = page.getByLabel(m.SignUp.generatedHeading, { exact: true });
    const words = (await box.textContent())!.trim();
    expect(words.split(' ')).toHaveLength(6);
    const form = signUpForm(page);
    await form.getByLabel(m.SignUp.username).fill('مادر محمد');
    await form.getByRole('checkbox', { name: m.SignUp.saved }).check();
    await form.getByRole('button', { name: m.SignUp.submit }).click();

    await expect(form.getByText(m.Validation.usernameCharacters)).toBeVisible();
    await expect(page.getByLabel(m.SignUp.generatedHeading, { exact: true })).toHaveText(words);
    await expect(form.getByLabel(m.SignUp.passphrase, { exact: true })).toHaveValue(words);
    await expect(form.getByLabel(m.SignUp.passphraseConfirm)).toHaveValue(words);
    await expect(form.getByRole('checkbox', { name: m.SignUp.saved })).toBeChecked();
    await expect(form.getByLabel(m.SignUp.username)).toHaveValue('مادر محمد');

    // Corrected, the account is made with the words she wrote down.
    const username = unique('mother');
    await form.getByLabel(m.SignUp.username).fill(username);
    await form.getByRole('button', { name: m.SignUp.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.SignUp.createdHeading);
  });

  test('a passphrase she typed herself is not sent back, and the page says so instead of "nothing was lost"', async ({ page }) => {
    await page.goto('/fa/sign-up');
    const form = signUpForm(page);
    await form.getByLabel(m.SignUp.username).fill('مادر محمد');
    await form.getByLabel(m.SignUp.passphrase, { exact: true }).fill('river lantern quiet orchard');
    await form.getByLabel(m.SignUp.passphraseConfirm).fill('river lantern quiet orchard');
    await form.getByRole('button', { name: m.SignUp.submit }).click();
    await expect(form.getByText(m.Validation.usernameCharacters)).toBeVisible();
    await expect(form.getByLabel(m.SignUp.passphrase, { exact: true })).toHaveValue('');
    await expect(form.getByText(m.SignUp.passphraseNotKept)).toBeVisible();
    await expect(page.getByText(nothingLost)).toHaveCount(0);
    await expect(form.getByLabel(m.SignUp.username)).toHaveValue('مادر محمد');
  });
});
