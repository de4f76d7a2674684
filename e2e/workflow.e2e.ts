// Four-eyes (issue 5): with the setting on, one moderator's approval does not publish; a second,
// different moderator's approval of the same redacted text does. The two staff are the demo
// moderator and the demo admin (admins moderate too); the testimony is a fresh submission.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { submitTestimony } from './support/submission';

const submitted = (page: Page, about: string) =>
  submitTestimony(page, unique('four-eyes'), about, 'We waited at the hospital gate all night. Call me on 0912 111 2233. Photos: https://photos.example/aban');

async function staffPage(browser: Browser, username: string, next: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, username, next);
  return page;
}

async function setFourEyes(admin: Page, on: boolean) {
  await admin.goto('/en/staff/settings');
  await admin.getByLabel(/^Four-eyes/).setChecked(on);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status')).toHaveText('Settings saved.');
  await expect(admin.getByLabel(/^Four-eyes/)).toBeChecked({ checked: on });
}

// Each decision re-renders the review page on the server; on a busy machine that takes a while.
const slowExpect = expect.configure({ timeout: 20_000 });

test('four-eyes on: one approval does not publish, a second moderator\'s approval does', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const id = await submitted(page, unique('Parviz Example'));
  const review = `/en/staff/testimonies/${id}`;
  const status = (p: Page) => slowExpect(p.getByText('Status:'));

  const admin = await staffPage(browser, 'demo-admin', '/en/staff/settings');
  await setFourEyes(admin, true);
  try {
    const moderator = await staffPage(browser, 'demo-moderator', review);
    await moderator.getByRole('button', { name: 'Claim this testimony' }).click();
    await expect(moderator.getByText('You hold this testimony.')).toBeVisible();
    // The submitter's link is shown defanged: not a link, and not openable by copying it.
    await expect(moderator.getByText('hxxps://photos[.]example/aban')).toBeVisible();
    await expect(moderator.locator('a[href*="photos.example"]')).toHaveCount(0);
    await moderator.getByRole('button', { name: 'Redact the ticked items' }).click();
    await expect(moderator.getByLabel('Text to publish')).toHaveValue(/Call me on \[redacted\]\./);
    await moderator.getByRole('button', { name: 'Approve and publish' }).click();
    // The approval lands the moderator on the queue of items waiting for a second approval, saying so.
    await slowExpect(moderator).toHaveURL(/\/en\/staff\?status=awaiting_approval&decided=approved#decided$/);
    await expect(moderator.getByRole('status').filter({ hasText: 'Your approval is recorded.' })).toBeVisible();
    await moderator.getByRole('table').locator(`a[href$="/staff/testimonies/${id}"]`).click();
    await status(moderator).toContainText('Awaiting second approval');
    await expect(moderator.getByText('You approved this revision.')).toBeVisible();
    await expect(moderator.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);

    await admin.goto(review);
    await expect(admin.getByRole('heading', { name: 'Second approval' })).toBeVisible();
    await expect(admin.getByText(/Approved by demo-moderator/)).toBeVisible();
    const preview = admin.locator('#preview');
    await expect(preview).toContainText('Call me on [redacted].');
    await expect(preview).not.toContainText('0912 111 2233');
    await admin.getByRole('button', { name: 'Approve and publish' }).click();
    await status(admin).toContainText('Published');
  } finally {
    await setFourEyes(admin, false);
  }
});
