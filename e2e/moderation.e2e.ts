import { demoPersonId } from '../lib/seed/demo-persons';
import { expect, test } from './fixtures';
import { signInAsStaff } from './support/accounts';

const phone = '0912 345 6789';
const farhadPage = `/en/persons/demo-farhad-example-${demoPersonId('demo-farhad-example')}`;

test('a moderator claims the next testimony, redacts the suggested phone number and publishes; the number is on no public surface', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Before: the person is a draft, so their page shows nothing of them (the status is checked by memorial.e2e.ts).
  expect(await (await request.get(farhadPage)).text()).not.toContain('You can reach me');

  await signInAsStaff(page, 'demo-moderator', '/en/staff');
  await page.getByRole('button', { name: 'Claim the next testimony' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review a testimony');
  await expect(page.getByText('You hold this testimony.')).toBeVisible();

  const suggestion = page.locator('fieldset:has(input[name="span"])').getByRole('checkbox', { name: `Phone number: ${phone}` });
  await expect(suggestion).toBeChecked();
  await page.getByRole('button', { name: 'Redact the ticked items' }).click();
  await expect(page.getByLabel('Text to publish')).toHaveValue(/You can reach me on \[redacted\]\./);
  const preview = page.locator('#preview');
  await expect(preview).toContainText('[redacted]');
  await expect(preview).not.toContainText(phone);

  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByText('Status:')).toContainText('Published');

  const person = await request.get(farhadPage);
  expect(person.status()).toBe(200);
  const html = await person.text();
  expect(html).toContain('You can reach me on [redacted].');
  expect(html).not.toContain('345 6789');
  const api = await (await request.get('/api/v1/testimonies?limit=100')).text();
  expect(api).toContain('[redacted]');
  expect(api).not.toContain('345 6789');
});

test('another moderator takes over an expired claim and rejects with a reason', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, 'demo-admin', '/en/staff?status=in_review');
  await page.getByRole('table').getByRole('link').first().click();
  // The demo claim of demo-moderator is a day old: expired, so it may be taken (and the takeover is logged).
  await expect(page.getByText('claimed this testimony, but the claim has expired')).toBeVisible();
  await page.getByRole('button', { name: 'Take it over (this is logged)' }).click();
  await expect(page.getByText('You hold this testimony.')).toBeVisible();
  await page.getByLabel('Reason for rejecting').selectOption('duplicate');
  await page.getByLabel('A kind note to the submitter (optional)').fill('Thank you. This was already told in another testimony.');
  await page.getByRole('checkbox', { name: /^I confirm: reject this testimony/ }).check();
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByText('Status:')).toContainText('Rejected · reason: Duplicate');
  await expect(page.locator('#messages')).toContainText('This was already told in another testimony.');
});

test('a moderator finds a person by another spelling, adds an alias and hides them; the public page is gone', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Omid, whom no other test reads: the public tests rely on the other demo persons as seeded.
  const omid = `/en/persons/demo-omid-example-${demoPersonId('demo-omid-example')}`;
  expect((await request.get(omid)).status()).toBe(200);
  await signInAsStaff(page, 'demo-moderator', '/en/staff/persons');
  await page.getByLabel('Name (any spelling)').fill('Omeed');
  await page.getByRole('button', { name: 'Search' }).click();
  // The demo Omid's row: the journeys' "Omid Journeytest" may match the spelling too.
  await page.getByRole('table').locator(`a[href$="/staff/persons/${demoPersonId('demo-omid-example')}"]`).click();
  await page.getByLabel('Add a spelling').fill('Omid Eksampel');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('#aliases')).toContainText('Omid Eksampel');
  await page.getByLabel('Status', { exact: true }).selectOption('hidden');
  await page.getByRole('button', { name: 'Save the person' }).click();
  // The status line under the name, once the save has landed (the form's own select says Hidden at once).
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=following-sibling::p[1]')).toContainText(/^Hidden · /);
  const after = await page.goto(omid);
  expect(after?.status()).toBe(404);
});

test('merging two persons redirects the old URL to the survivor; undo restores it', async ({ page }) => {
  test.setTimeout(120_000);
  const kian = demoPersonId('demo-kian-example');
  const shirin = demoPersonId('demo-shirin-example');
  await signInAsStaff(page, 'demo-moderator', `/en/staff/persons/${kian}`);
  await page.getByLabel(/Merge this person into another/).fill(shirin);
  await page.getByRole('button', { name: 'Merge into the survivor' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/staff/persons/${shirin}$`));
  await page.goto(`/en/persons/demo-kian-example-${kian}`);
  await expect(page).toHaveURL(new RegExp(`/en/persons/demo-shirin-example-${shirin}$`));

  await page.goto(`/en/staff/persons/${kian}`);
  await page.getByRole('button', { name: 'Undo the merge' }).click();
  await expect(page.getByRole('button', { name: 'Merge into the survivor' })).toBeVisible();
  const restored = await page.goto(`/en/persons/demo-kian-example-${kian}`);
  expect(restored?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/en/persons/demo-kian-example-${kian}$`));
});
