// Refusals that cost a person what she typed, or refused her for nothing (issue 18 leftovers):
// "I lost my passphrase" without JavaScript cleared the recovery code she had found and typed; a
// space at the end of the confirmation (a paste, a phone keyboard) made two passphrases "not the
// same", with nothing to see. The rule is one function (lib/validation/account.ts,
// normalizePassphrase): white space at either end does not count, at sign-up, recovery and sign-in.
import enMessages from '../../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from '../fixtures';
import { unique } from '../support/accounts';
import { firstPassphrase, journeys, signInAs, signUpKeepingCodes, signedInArea } from './support';

const newPassphrase = 'seven lanterns over a quiet river';

for (const { words: w, viewport } of journeys) {
  const validation = (w.locale === 'fa' ? faMessages : enMessages).Validation;
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${w.locale}, ${viewport.width}×${viewport.height}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('recovery: a refused post keeps the username and the code typed; a space after the confirmation is no mismatch', async ({ page }) => {
        test.setTimeout(90_000);
        const username = unique(`keep-${w.locale}`);
        const codes = await signUpKeepingCodes(page, w, username);
        await page.context().clearCookies();
        await page.goto(`/${w.locale}/recover`);
        const form = page.getByRole('form', { name: w.recovery.title });
        const code = form.getByLabel(w.recovery.code);

        // A code with a typo: refused by the server (with JavaScript too), the code kept to correct.
        // (Its last character changed to another: a code that already ends in z would be no typo.)
        const typo = `${codes[0]!.slice(0, -1)}${codes[0]!.endsWith('z') ? 'y' : 'z'}`;
        await form.getByLabel(w.recovery.username).fill(username);
        await code.fill(typo);
        await form.getByLabel(w.recovery.passphrase, { exact: true }).fill(newPassphrase);
        await form.getByLabel(w.recovery.passphraseConfirm).fill(newPassphrase);
        await form.getByRole('button', { name: w.recovery.submit }).click();
        await expect(form.getByText(validation.recoveryRefused)).toBeVisible();
        await expect(form.getByLabel(w.recovery.username)).toHaveValue(username);
        await expect(code).toHaveValue(typo);

        // The right code, two passphrases that differ: refused, the code still there.
        await code.fill(codes[0]!);
        await form.getByLabel(w.recovery.passphrase, { exact: true }).fill(newPassphrase);
        await form.getByLabel(w.recovery.passphraseConfirm).fill(`${newPassphrase}s`);
        await form.getByRole('button', { name: w.recovery.submit }).click();
        await expect(form.getByText(validation.passphraseMismatch)).toBeVisible();
        await expect(code).toHaveValue(codes[0]!);
        await expect(form.getByLabel(w.recovery.username)).toHaveValue(username);

        // The same passphrase with a space after it in the confirmation: the same passphrase.
        await form.getByLabel(w.recovery.passphrase, { exact: true }).fill(newPassphrase);
        await form.getByLabel(w.recovery.passphraseConfirm).fill(`${newPassphrase} `);
        await form.getByRole('button', { name: w.recovery.submit }).click();
        await expect(page.getByRole('heading', { name: w.recovery.doneHeading })).toBeVisible();

        await page.getByRole('link', { name: w.recovery.signIn }).click();
        await signInAs(page, w, username, newPassphrase);
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/account$`));
        await expect(signedInArea(page, w)).toBeVisible();
      });

      test('sign-up: a space at the end of the confirmation is no mismatch; she signs in with or without it', async ({ page }) => {
        const username = unique(`space-${w.locale}`);
        await page.goto(`/${w.locale}/sign-up`);
        const form = page.getByRole('form', { name: w.signUp.title });
        await form.getByLabel(w.signUp.username).fill(username);
        await form.getByLabel(w.signUp.passphrase, { exact: true }).fill(firstPassphrase);
        await form.getByLabel(w.signUp.passphraseConfirm).fill(`${firstPassphrase} `);
        await form.getByRole('button', { name: w.signUp.submit }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.signUp.createdHeading);
        // The username in the sentence is isolated: a Latin name must not reorder a Persian sentence.
        const sentence = page.getByRole('paragraph').filter({ hasText: w.signUp.createdSignedIn.split('<isolate>')[0]!.trim() });
        await expect(sentence.locator('bdi')).toHaveText(username);

        await page.context().clearCookies();
        await page.goto(`/${w.locale}/sign-in`);
        await signInAs(page, w, username, ` ${firstPassphrase} `);
        await expect(signedInArea(page, w)).toBeVisible();
      });
    });
  }
}
