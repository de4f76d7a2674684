// Issue 15: nothing reaches a public page that the moderator did not see. A proposed person's facts
// are on the review page (every public field, the person card as readers will see it), the
// moderator corrects one before publishing and the public page shows the correction; the staff
// person editor edits every public field, in English at desktop size with JavaScript and in
// Persian on a phone without it; with four-eyes on, one moderator's status change publishes nothing.
import type { Browser, Page } from '@playwright/test';
import { publicPersonKeys, publicTestimonyKeys } from '../lib/memorial/dto';
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { en, fillAbout, fillAccount, signUp } from './support/submission';

const slowExpect = expect.configure({ timeout: 20_000 });

async function staffPage(browser: Browser, username: string, next: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) {
  const page = await (await browser.newContext(options)).newPage();
  await signInAsStaff(page, username, next);
  return page;
}

/** A submitter proposes a person with every fact the about step asks for, and submits. */
async function submitProposal(page: Page, name: string): Promise<string> {
  await signUp(page, unique('proposer'));
  await page.goto('/en/submit');
  await page.getByRole('button', { name: en.start }).click();
  await fillAbout(page, en, name);
  await page.getByRole('textbox', { name: 'Age', exact: true }).fill('24');
  await page.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fars' });
  await page.getByRole('textbox', { name: 'City', exact: true }).fill('Shiraz');
  await page.getByRole('textbox', { name: /^Cause/ }).fill('Shot in the chest');
  await page.getByRole('combobox', { name: 'Alleged perpetrator' }).selectOption({ label: 'Basij' });
  await page.getByRole('checkbox', { name: 'Body withheld' }).check();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await fillAccount(page, en, 'We looked for him at every hospital in the city.');
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('radio', { name: 'Yes — publish it on the memorial after review' }).check();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  // The last step lists what the person's record will say, and the files (none here).
  const about = page.locator('section[aria-labelledby="review-about"]');
  await expect(about).toContainText('Shot in the chest');
  await expect(about).toContainText('Shiraz, Fars');
  await expect(about).toContainText('Killed');
  await expect(page.locator('section[aria-labelledby="review-files"]')).toContainText('No files attached.');
  await page.getByRole('button', { name: en.submit }).click();
  await expect(page).toHaveURL(/\/en\/my-testimonies\/[0-9a-f-]+\?done=submitted$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

test('a proposed person\'s facts are on the review page and in the preview; a correction before publishing is what the public page shows', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = unique('Kamran Example');
  const id = await submitProposal(page, name);
  const moderator = await staffPage(browser, 'demo-moderator', `/en/staff/testimonies/${id}`);
  await moderator.getByRole('button', { name: 'Claim this testimony' }).click();
  await expect(moderator.getByText('You hold this testimony.')).toBeVisible();

  const publication = moderator.locator('#publication');
  const fields = publication.getByTestId('public-person-fields');
  const row = (key: string) => fields.locator(`[data-public-field="${key}"] td`);
  await expect(row('outcome')).toHaveText('Killed');
  await expect(row('cause')).toHaveText('Shot in the chest');
  await expect(row('perpetrator')).toHaveText('Basij');
  await expect(row('aftermath')).toHaveText('Body withheld');
  await expect(row('age')).toHaveText('24');
  await expect(row('province')).toHaveText('Fars');
  await expect(row('city')).toHaveText('Shiraz');
  await expect(row('incidentDate')).toHaveText('November 16, 2019'); // 25 Aban 1398, as typed
  // Every field of the public DTOs has its row (lib/memorial/dto.ts is the contract).
  for (const key of publicPersonKeys) await expect(fields.locator(`[data-public-field="${key}"]`), key).toHaveCount(1);
  for (const key of publicTestimonyKeys) await expect(publication.getByTestId('public-testimony-fields').locator(`[data-public-field="${key}"]`), key).toHaveCount(1);
  const card = publication.getByTestId('public-preview-card');
  for (const fact of ['Killed', 'Shot in the chest', 'Basij', 'Body withheld', 'Shiraz']) await expect(card).toContainText(fact);

  // The moderator corrects the cause with the person editor on the review page.
  const editor = publication.getByRole('form', { name: new RegExp(name) });
  await editor.getByLabel('Cause').fill('Shot in the head');
  await editor.getByRole('button', { name: 'Save the person' }).click();
  await slowExpect(row('cause')).toHaveText('Shot in the head');
  await expect(card).toContainText('Shot in the head');

  await moderator.getByRole('button', { name: 'Approve and publish' }).click();
  await slowExpect(moderator.getByText('Status:')).toContainText('Published');
  const personLink = await publication.locator('a[href*="/staff/persons/"]').first().getAttribute('href');
  const personId = personLink!.split('/').at(-1)!;
  const publicPage = await page.goto(`/en/persons/x-${personId}`);
  expect(publicPage?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.locator('#facts-heading').locator('..')).toContainText('Shot in the head');
  await expect(page.locator('#facts-heading').locator('..')).not.toContainText('Shot in the chest');
});

/** A fresh draft person, created on the staff persons page; returns its id. */
async function createDraftPerson(page: Page, locale: 'en' | 'fa', nameFa: string) {
  await page.goto(`/${locale}/staff/persons`);
  await page.locator('#new-name-fa').fill(nameFa);
  await page.locator('section[aria-labelledby="create-person"] button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff/persons/[0-9a-f-]{36}`));
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

const labels = {
  en: {
    nameFa: 'Name in Persian script', nameLatin: 'Name in Latin letters', fatherNameFa: "Father's name in Persian script", fatherNameLatin: "Father's name in Latin letters",
    gender: 'Gender', age: 'Age at the incident', birthYear: 'Year of birth (Gregorian)', occupation: 'Occupation', incidentDate: 'Date of the incident (Gregorian)',
    precision: 'How precise the date is', province: 'Province', city: 'City', place: 'Place', outcome: 'Outcome', cause: 'Cause', perpetrator: 'Alleged perpetrator',
    status: 'Status', verification: 'Verification level', save: 'Save the person', aftermath: 'Family threatened', untouched: 'Burial restricted', warning: 'This looks like Latin letters.',
    values: { gender: 'Female', precision: 'month only', province: 'Ilam', outcome: 'Injured', perpetrator: 'Police', status: 'Published', verification: 'Corroborated' },
  },
  fa: {
    nameFa: 'نام به خط فارسی', nameLatin: 'نام به حروف لاتین', fatherNameFa: 'نام پدر به خط فارسی', fatherNameLatin: 'نام پدر به حروف لاتین',
    gender: 'جنسیت', age: 'سن هنگام رویداد', birthYear: 'سال تولد (میلادی)', occupation: 'پیشه', incidentDate: 'تاریخ رویداد (میلادی)',
    precision: 'دقت تاریخ', province: 'استان', city: 'شهر', place: 'مکان', outcome: 'سرانجام', cause: 'علت', perpetrator: 'عامل ادعایی',
    status: 'وضعیت', verification: 'سطح تأیید', save: 'ذخیرهٔ اطلاعات فرد', aftermath: 'تهدید خانواده', untouched: 'محدودیت در خاک‌سپاری', warning: 'به نظر می‌رسد این نام با حروف لاتین نوشته شده است.',
    values: { gender: 'زن', precision: 'فقط ماه', province: 'ایلام', outcome: 'زخمی', perpetrator: 'نیروی انتظامی (پلیس، یگان ویژه)', status: 'منتشرشده', verification: 'تأییدشده با چند منبع' },
  },
} as const;

async function editEveryField(page: Page, locale: 'en' | 'fa') {
  const l = labels[locale];
  const form = page.locator('#person-form form');
  // A Latin name in the Persian-name field: warned beside the field (after saving without JavaScript).
  await form.getByLabel(l.nameFa, { exact: true }).fill('Sahar Example');
  await form.getByLabel(l.nameLatin, { exact: true }).fill('Sahar Example');
  await form.getByLabel(l.fatherNameFa, { exact: true }).fill('رحیم');
  await form.getByLabel(l.fatherNameLatin, { exact: true }).fill('Rahim');
  await form.getByLabel(l.gender).selectOption({ label: l.values.gender });
  await form.getByLabel(l.age).fill('29');
  await form.getByLabel(l.birthYear).fill('1990');
  await form.getByLabel(l.occupation).fill('Nurse');
  await form.getByLabel(l.incidentDate).fill('2019-11-16');
  await form.getByLabel(l.precision).selectOption({ label: l.values.precision });
  await form.getByLabel(l.province).selectOption({ label: l.values.province });
  await form.getByLabel(l.city, { exact: true }).fill('Tehran');
  await form.getByLabel(l.place, { exact: true }).fill('Sattarkhan');
  await form.getByLabel(l.outcome).selectOption({ label: l.values.outcome });
  await form.getByLabel(l.cause, { exact: true }).fill('Pellets');
  await form.getByLabel(l.perpetrator).selectOption({ label: l.values.perpetrator });
  await form.getByRole('checkbox', { name: l.aftermath }).check();
  await form.getByLabel(l.verification, { exact: true }).selectOption({ label: l.values.verification });
  await form.getByLabel(l.status, { exact: true }).selectOption({ label: l.values.status });
  await form.getByRole('button', { name: l.save }).click();
  await slowExpect(page).toHaveURL(/#person-form$/);
  const saved = page.locator('#person-form form');
  await expect(saved.getByText(l.warning)).toBeVisible();
  const expected: Array<[string, string]> = [[l.fatherNameFa, 'رحیم'], [l.fatherNameLatin, 'Rahim'], [l.age, '29'], [l.birthYear, '1990'], [l.occupation, 'Nurse'], [l.incidentDate, '2019-11-16'], [l.city, 'Tehran'], [l.place, 'Sattarkhan'], [l.cause, 'Pellets']];
  for (const [label, value] of expected) await expect(saved.getByLabel(label, { exact: true })).toHaveValue(value);
  for (const [label, value] of [[l.gender, 'female'], [l.precision, 'month'], [l.province, 'IR-16'], [l.outcome, 'injured'], [l.perpetrator, 'police'], [l.verification, 'corroborated'], [l.status, 'published']] as const) {
    await expect(saved.getByLabel(label, { exact: true })).toHaveValue(value);
  }
  await expect(saved.getByRole('checkbox', { name: l.aftermath })).toBeChecked();
  await expect(saved.getByRole('checkbox', { name: l.untouched })).not.toBeChecked();
}

test('the staff person editor edits every public field: English at desktop size with JavaScript', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await staffPage(browser, 'demo-moderator', '/en/staff/persons');
  const id = await createDraftPerson(page, 'en', 'سحر نمونه');
  // With JavaScript, the warning appears while typing.
  await page.locator('#person-form form').getByLabel('Name in Persian script', { exact: true }).fill('Sahar');
  await expect(page.locator('#person-form form').getByText('This looks like Latin letters.')).toBeVisible();
  await editEveryField(page, 'en');
  const reader = await page.goto(`/en/persons/x-${id}`);
  expect(reader?.status()).toBe(200);
  const facts = page.locator('#facts-heading').locator('..');
  for (const fact of ['Injured', 'Pellets', 'Police', 'Family threatened', 'Nurse', 'Sattarkhan', 'Rahim']) await expect(facts).toContainText(fact);
});

test('the staff person editor edits every public field: Persian at 390×844 without JavaScript', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await staffPage(browser, 'demo-moderator', '/en/staff/persons', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await createDraftPerson(page, 'fa', 'سحر نمونه');
  await editEveryField(page, 'fa');
});

test('four-eyes on: one moderator setting a person to published publishes nothing; a second one does', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await staffPage(browser, 'demo-admin', '/en/staff/settings');
  await admin.getByLabel(/^Four-eyes/).setChecked(true);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status')).toHaveText('Settings saved.');
  try {
    const moderator = await staffPage(browser, 'demo-moderator', '/en/staff/persons');
    const id = await createDraftPerson(moderator, 'en', 'نسرین نمونه');
    await moderator.locator('#person-form form').getByLabel('Status', { exact: true }).selectOption('published');
    await moderator.getByRole('button', { name: 'Save the person' }).click();
    await slowExpect(moderator.getByRole('status').filter({ hasText: 'Your approval is recorded' })).toBeVisible();
    await expect(moderator.locator('#person-form form').getByLabel('Status', { exact: true })).toHaveValue('draft');
    expect((await moderator.request.get(`/en/persons/x-${id}`)).status()).toBe(404);
    expect(await (await moderator.request.get(`/api/v1/persons/${id}`)).text()).not.toContain('نسرین');

    await admin.goto(`/en/staff/persons/${id}`);
    await expect(admin.getByText(/Approved for publication by demo-moderator/)).toBeVisible();
    await admin.locator('#person-form form').getByLabel('Status', { exact: true }).selectOption('published');
    await admin.getByRole('button', { name: 'Save the person' }).click();
    await slowExpect(admin.locator('#person-form form').getByLabel('Status', { exact: true })).toHaveValue('published');
    expect((await admin.request.get(`/en/persons/x-${id}`, { maxRedirects: 0 })).status()).not.toBe(404);
  } finally {
    await admin.goto('/en/staff/settings');
    await admin.getByLabel(/^Four-eyes/).setChecked(false);
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByRole('status')).toHaveText('Settings saved.');
  }
});
