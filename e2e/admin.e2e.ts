import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoPassphrase, enrolmentSecret, freshCode, signIn, signInAsStaff } from './support/accounts';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('an invited moderator chooses their account, enrols TOTP and reaches the queue', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsStaff(page, 'demo-admin', '/en/staff/invitations');
  await page.getByLabel('Role').selectOption('moderator');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByLabel('Invitation link (shown only once)').inputValue();
  expect(link).toMatch(/\/en\/invite\/[A-Za-z0-9_-]{43}$/);
  // Listed as pending at once (no reload), without the token; the link copies with one press.
  const pendingTable = page.getByRole('table', { name: 'Unused invitations that have not expired' });
  await expect(pendingTable).toContainText('demo-admin');
  expect(await pendingTable.innerHTML()).not.toContain(link.split('/').at(-1)!);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Shown once: a reload no longer has it anywhere.
  await page.reload();
  expect(await page.content()).not.toContain(link.split('/').at(-1)!);

  const invitee = await newPage(browser);
  const username = `mod-${Date.now().toString(36)}`;
  const passphrase = 'amber kettle orbit meadow';
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText("Join Yadman's team");
  await invitee.getByLabel('Username').fill(username);
  await invitee.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await invitee.getByLabel('Passphrase again').fill(passphrase);
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee).toHaveURL(/\/en\/sign-in\?/);
  // The sign-in page says the account exists, fills in its username, and offers no sign-up.
  await expect(invitee.getByRole('status').filter({ hasText: 'Your account has been created.' })).toBeVisible();
  await expect(invitee.getByRole('link', { name: /Create one/ })).toHaveCount(0);
  expect(invitee.url()).not.toContain(username);

  const form = invitee.getByRole('form', { name: 'Sign in' });
  await expect(form.getByLabel('Username')).toHaveValue(username);
  await form.getByLabel('Passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  await invitee.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(invitee).toHaveURL(/\/en\/two-factor\?next=%2Fen%2Fstaff$/);
  const secret = await enrolmentSecret(invitee);
  const enrolForm = invitee.getByRole('form', { name: 'Set up two-step sign-in' });
  await enrolForm.getByLabel('Code from the app').fill(await freshCode(invitee, secret));
  await enrolForm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  // Staff get their recovery codes here, once, the first time they turn it on.
  await expect(invitee.getByRole('heading', { name: 'Two-step sign-in is on' })).toBeVisible();
  await invitee.getByRole('link', { name: 'Continue' }).click();
  await expect(invitee).toHaveURL(/\/en\/staff$/);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible();
  // A moderator has no admin pages.
  await expect(invitee.getByRole('link', { name: 'Users' })).toHaveCount(0);

  // The link worked once.
  const again = await newPage(browser);
  await again.goto(link);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('This invitation link cannot be used');
  await expect(again.getByLabel('Username')).toHaveCount(0);
});

test('an admin revokes a pending invitation: the row goes and the link is refused', async ({ page, browser }) => {
  await signInAsStaff(page, 'demo-admin', '/en/staff/invitations');
  // One that stays, so the table remains when the other goes.
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByLabel('Invitation link (shown only once)')).toBeVisible();
  await page.getByLabel('Role').selectOption('admin');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const table = page.getByRole('table', { name: 'Unused invitations that have not expired' });
  const adminRows = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^admin(istrator)?$/i }) });
  await expect(adminRows).not.toHaveCount(0);
  const link = await page.getByLabel('Invitation link (shown only once)').inputValue();
  const rows = table.getByRole('row');
  const before = await rows.count();
  const row = adminRows.last();
  await row.getByText('Revoke', { exact: true }).click();
  await row.getByRole('button', { name: 'Yes, do it' }).click();
  await expect(rows).toHaveCount(before - 1);

  const holder = await newPage(browser);
  await holder.goto(link);
  await expect(holder.getByRole('heading', { level: 1 })).toHaveText('This invitation link cannot be used');
});

test('a submitter opening staff URLs gets a 404', async ({ page }) => {
  await signIn(page, 'demo-submitter', demoPassphrase);
  await expect(page).toHaveURL(/\/en\/account/);
  for (const path of ['/en/staff/users', '/en/staff', '/en/staff/invitations']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('navigation', { name: 'Staff' })).toHaveCount(0);
  }
});

test('an admin disables a signed-in user, whose next navigation is refused', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const user = await newPage(browser);
  await signIn(user, 'demo-submitter', demoPassphrase);
  await expect(user).toHaveURL(/\/en\/account/);

  await signInAsStaff(page, 'demo-admin', '/en/staff/users');
  await page.getByLabel('Username contains').fill('demo-submitter');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /demo-submitter/ });
  await row.getByText('Disable', { exact: true }).click();
  await row.getByRole('button', { name: 'Yes, do it' }).click();
  await expect(row.getByRole('cell', { name: 'Disabled', exact: true })).toBeVisible();
  // The answer is to what was asked, though the row now offers the opposite.
  await expect(row.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Account disabled; its sessions have ended.');

  await user.goto('/en/account');
  await expect(user).toHaveURL(/\/en\/sign-in/);

  // Enabled again, for the tests that come after (the sessions stay ended).
  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
  await expect(row.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Account enabled.');
  await user.goto('/en/account');
  await expect(user).toHaveURL(/\/en\/sign-in/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('in Persian, disabling and enabling an account each answer with what was done', async ({ page }) => {
    test.setTimeout(90_000);
    await signInAsStaff(page, 'demo-admin', '/en/staff/users');
    await page.goto('/fa/staff/users');
    await page.getByLabel('نام کاربری شامل').fill('demo-submitter');
    await page.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
    const row = () => page.getByRole('row', { name: /demo-submitter/ });
    await row().getByText('غیرفعال کردن', { exact: true }).click();
    await row().getByRole('button', { name: 'بله، انجام شود' }).click();
    await expect(row().getByRole('cell', { name: 'غیرفعال', exact: true })).toBeVisible();
    await expect(row().getByRole('status').filter({ hasText: /\S/ })).toHaveText('حساب غیرفعال شد و نشست‌هایش پایان یافت.');
    await row().getByRole('button', { name: 'فعال کردن' }).click();
    await expect(row().getByRole('cell', { name: 'فعال', exact: true })).toBeVisible();
    await expect(row().getByRole('status').filter({ hasText: /\S/ })).toHaveText('حساب فعال شد.');
  });
});
