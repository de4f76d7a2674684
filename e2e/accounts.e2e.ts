import type { Page } from '@playwright/test';
import { currentTotp } from '../lib/auth/totp';
import { expect, test } from './fixtures';
import { demoPassphrase, enrolmentSecret, signIn, signInAsStaff, signInForm, unique } from './support/accounts';


const signUpForm = (page: Page) => page.getByRole('form', { name: 'Create an account' });

async function signUp(page: Page, username: string, passphrase: string) {
  await page.goto('/en/sign-up');
  const form = signUpForm(page);
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Passphrase again').fill(passphrase);
  await form.getByRole('button', { name: 'Create account' }).click();
}

async function expectAccountCreated(page: Page, username: string) {
  // A page of its own: its heading, nothing left of the sign-up page (heading, boxes, form, sign-in link).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is ready');
  await expect(page.getByRole('heading', { name: /create an account|why we do not ask|let us choose/i })).toHaveCount(0);
  await expect(signUpForm(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveCount(0);
  await expect(page.getByText(`You are signed in as ${username}.`)).toBeVisible();
  const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  // The file in her Downloads names neither the site nor the account: a neutral name, the codes alone.
  const download = page.getByRole('link', { name: 'Download the codes as a text file' });
  await expect(download).toHaveAttribute('download', 'codes.txt');
  await expect(download).toHaveAccessibleDescription(/The file is called codes\.txt\./);
  const file = decodeURIComponent((await download.getAttribute('href'))!.split(',')[1]!);
  expect(file).toBe(`${(await codes.allTextContents()).join('\r\n')}\r\n`);
  expect(file).not.toMatch(/yadman|یادمان/i);
  expect(file).not.toContain(username);
  // Signed in for hours, not weeks (a phone may be seized): the cookie expires with the session's
  // absolute limit (lib/env.mjs SESSION_MAX_HOURS, 12 by default).
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('yadman.session'));
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11 * 3_600_000);
  // On to where the person was going: by default, the submission.
  await page.getByRole('link', { name: 'I have saved my codes — continue' }).click();
  await expect(page).toHaveURL(/\/en\/submit$/);
  await page.goto('/en/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  // In the header's signed-in area and in the account's details.
  await expect(page.getByText(username, { exact: true })).toHaveCount(2);
  // Shown once: nothing on the account page or a fresh sign-up page repeats them.
  await expect(page.getByRole('list', { name: /recovery codes|account is ready/i })).toHaveCount(0);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-up with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('needs only a username and passphrase, signs in and shows recovery codes once', async ({ page }) => {
      const username = unique('witness');
      await page.goto('/en/sign-up');
      await expect(page.getByRole('heading', { name: 'Why we do not ask for your e-mail or phone number' })).toBeVisible();
      await expect(signUpForm(page).getByRole('textbox', { name: /e-?mail|phone/i })).toHaveCount(0);
      await signUp(page, username, 'river lantern quiet orchard');
      await expectAccountCreated(page, username);
      const html = await page.content();
      expect(html).not.toContain('river lantern quiet orchard');
    });

    test('the generated passphrase is shown once, pre-filled, and must be confirmed as saved', async ({ page }) => {
      const username = unique('gen');
      await page.goto('/en/sign-up');
      await page.getByRole('button', { name: 'Generate a passphrase for me' }).click();
      const shown = page.getByLabel('Your new passphrase');
      await expect(shown).toBeVisible();
      const passphrase = (await shown.textContent())!.trim();
      expect(passphrase.split(' ')).toHaveLength(6);
      const form = signUpForm(page);
      await expect(form.getByLabel('Passphrase', { exact: true })).toHaveValue(passphrase);
      await form.getByLabel('Username').fill(username);
      if (javaScriptEnabled) {
        // Live validation: the checkbox is required before anything is sent.
        await form.getByRole('button', { name: 'Create account' }).click();
        await expect(form.getByText('Please confirm that you have saved your passphrase.')).toBeVisible();
      }
      await form.getByRole('checkbox', { name: 'I have written this passphrase down somewhere safe' }).check();
      await form.getByRole('button', { name: 'Create account' }).click();
      await expectAccountCreated(page, username);
      await page.context().clearCookies();
      await signIn(page, username, passphrase);
      await expect(page).toHaveURL(/\/en\/account$/);
    });

    test('a validation error keeps the username but never the passphrase', async ({ page }) => {
      const username = unique('keep');
      await signUp(page, username, 'short');
      const form = signUpForm(page);
      if (!javaScriptEnabled) {
        // Not "nothing was lost": the typed passphrase is not sent back, and the page says so.
        await expect(form.getByRole('alert')).toContainText('Some fields need another look.');
        await expect(form.getByText('the passphrase you typed was not sent back with this page')).toBeVisible();
      }
      await expect(form.getByText('Use at least 12 characters.')).toBeVisible();
      await expect(form.getByLabel('Username')).toHaveValue(username);
      if (!javaScriptEnabled) await expect(form.getByLabel('Passphrase', { exact: true })).toHaveValue('');
    });

    test('a taken username is refused, whatever its case', async ({ page }) => {
      await signUp(page, 'Demo-Submitter', 'a long enough passphrase here');
      await expect(signUpForm(page).getByText('This username is already taken.')).toBeVisible();
    });

    test('after a taken username, another name goes through on the fresh challenge the refusal brought', async ({ page }) => {
      // The refusal spent the form's challenge (issue 17): the form must carry a new one.
      await signUp(page, 'demo-submitter', 'a long enough passphrase here');
      const form = signUpForm(page);
      await expect(form.getByText('This username is already taken.')).toBeVisible();
      const username = unique('second-try');
      await form.getByLabel('Username').fill(username);
      await form.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase here');
      await form.getByLabel('Passphrase again').fill('a long enough passphrase here');
      await form.getByRole('button', { name: 'Create account' }).click();
      await expectAccountCreated(page, username);
    });

    test('sign in, then sign out clears the site data and ends the session', async ({ page }) => {
      await signIn(page, 'demo-submitter', demoPassphrase);
      await expect(page).toHaveURL(/\/en\/account$/);
      await expect(page.getByRole('definition').filter({ hasText: 'demo-submitter' })).toBeVisible();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/en/sign-out') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Sign out', exact: true }).first().click(),
      ]);
      expect(response.status()).toBe(303);
      // allHeaders(): headers() leaves out security-related headers such as Clear-Site-Data.
      const headers = await response.allHeaders();
      expect(headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
      expect(headers['cache-control']).toContain('no-store');
      await expect(page).toHaveURL(/\/en$/);
      await page.goto('/en/account');
      await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Faccount$/);
    });

    test('a wrong passphrase and an unknown user get the same message', async ({ page }) => {
      for (const username of ['demo-submitter', unique('nobody')]) {
        await signIn(page, username, 'this is not the passphrase');
        await expect(signInForm(page).getByRole('alert')).toHaveText('The username or passphrase is wrong.');
        await expect(signInForm(page).getByLabel('Username')).toHaveValue(username);
      }
    });
  });
}

test('demo staff sign-in asks for a TOTP code', async ({ page }) => {
  await signInAsStaff(page, 'demo-moderator', '/en/account');
});

test('a submitter can enrol TOTP; sign-in then asks for a code and refuses a replayed one', async ({ page, browser }) => {
  test.setTimeout(90_000); // a sign-up and two sign-ins
  const username = unique('careful');
  const passphrase = 'another long passphrase to use';
  await signUp(page, username, passphrase);
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  // Viewing the page creates nothing (a GET never writes): the secret comes from "set up", a POST
  // that works without JavaScript; afterwards every view shows the same key.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies(await page.context().cookies());
  const plain = await noJs.newPage();
  const qr = (p: typeof page) => p.getByRole('img', { name: 'QR code for your authenticator app' });
  for (let view = 0; view < 2; view++) {
    await plain.goto('/en/account/two-factor');
    await expect(plain.getByRole('button', { name: 'Set up two-step sign-in' })).toBeVisible();
    await expect(qr(plain)).toHaveCount(0);
  }
  await plain.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(plain).toHaveURL(/\/en\/account\/two-factor$/);
  await expect(qr(plain)).toBeVisible();
  const secret = await enrolmentSecret(plain);
  await noJs.close();
  await page.goto('/en/account/two-factor');
  await expect(qr(page)).toBeVisible();
  expect(await enrolmentSecret(page)).toBe(secret);
  const now = Math.floor(Date.now() / 1000);
  // Enrol with the previous step's code, keeping the current step unused for the sign-in below.
  const enrolForm = page.getByRole('form', { name: 'Set up two-step sign-in' });
  await enrolForm.getByLabel('Code from the app').fill(await currentTotp(secret, now - 30));
  await enrolForm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByText('On: signing in asks for a code')).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, username, passphrase);
  await expect(page).toHaveURL(/\/en\/two-factor\?next=%2Fen%2Faccount$/);
  const code = await currentTotp(secret, now);
  const form = page.getByRole('form', { name: 'Two-step sign-in' });
  await form.getByLabel('Code').fill(code);
  await form.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);

  const other = await browser.newPage();
  await signIn(other, username, passphrase);
  const otherForm = other.getByRole('form', { name: 'Two-step sign-in' });
  await otherForm.getByLabel('Code').fill(code);
  await otherForm.getByRole('button', { name: 'Continue' }).click();
  await expect(otherForm.getByText('This code is not valid or has already been used.')).toBeVisible();
  await other.close();
});

test('the sign-out route refuses cross-site posts and GET', async ({ request }) => {
  const crossSite = await request.post('/en/sign-out', { headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  expect((await request.get('/en/sign-out', { maxRedirects: 0 })).status()).toBe(405);
});
