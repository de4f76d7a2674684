// Issue 19 §4: more than one collection. With a second collection open, each submitter chooses the
// collection their testimony is for (one on the start form, the other by the collection's own
// page and address); once both are published, each collection's home, totals, statistics and feed
// show only its own records, and the home page becomes the overview across them. Afterwards the
// second collection's record is hidden and the collection closed, so later journeys see the one
// demo collection again.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { en, fillAbout, fillAccount, signUp } from './support/submission';

const slowExpect = expect.configure({ timeout: 20_000 });
const aban = { slug: 'aban-1398', name: 'November 2019 uprising (Aban 1398)' };

async function staffPage(browser: Browser, username: string, next: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, username, next);
  return page;
}

/** From the start form (collection already chosen) to a submitted testimony; returns its id. */
async function finishTestimony(page: Page, name: string, date?: { day: string; month: string; year: string }) {
  await fillAbout(page, en, name);
  if (date) {
    await page.getByLabel(en.day, { exact: true }).selectOption(date.day);
    await page.getByLabel(en.monthField, { exact: true }).selectOption(date.month);
    await page.getByLabel(en.year, { exact: true }).fill(date.year);
  }
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await fillAccount(page, en, 'We searched for her at every hospital.');
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('radio', { name: 'Yes — publish it on the memorial after review' }).check();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('button', { name: en.submit }).click();
  await expect(page).toHaveURL(/\/en\/my-testimonies\/[0-9a-f-]+\?done=submitted$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** The moderator approves a testimony as submitted; returns the id of the person it published. */
async function approve(moderator: Page, id: string) {
  await moderator.goto(`/en/staff/testimonies/${id}`);
  await moderator.getByRole('button', { name: 'Claim this testimony' }).click();
  await expect(moderator.getByText('You hold this testimony.')).toBeVisible();
  await moderator.getByRole('button', { name: 'Approve and publish' }).click();
  await slowExpect(moderator.getByText('Status:')).toContainText('Published');
  const link = await moderator.locator('#publication a[href*="/staff/persons/"]').first().getAttribute('href');
  return link!.split('/').at(-1)!;
}

test('two open collections each receive the testimony its submitter chose, and each one\'s pages, totals, statistics and feed show only its own records', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const slug = unique('dey-1401').toLowerCase();
  const dey = { slug, name: `Dey 1401 protests ${slug.slice(9)}`, nameFa: `اعتراضات دی ۱۴۰۱ ${slug.slice(9)}` };
  const nameA = unique('Aban Person');
  const nameB = unique('Dey Person');

  const admin = await staffPage(browser, 'demo-admin', '/en/staff/collections');
  const create = admin.getByRole('form', { name: 'Create a collection' });
  await create.getByLabel('Short name in addresses').fill(dey.slug);
  await create.getByLabel('Name in Persian').fill(dey.nameFa);
  await create.getByLabel('Name in English').fill(dey.name);
  await create.getByLabel('Description in English').fill('Protests of December 2022 and January 2023 (test collection).');
  await create.getByLabel('First day').fill('2022-12-30');
  await create.getByLabel('Last day').fill('2023-01-10');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(admin.getByRole('heading', { name: dey.name })).toBeVisible();

  let personB: string | null = null;
  const moderator = await staffPage(browser, 'demo-moderator', '/en/staff');
  try {
    // Submitter A: the start form asks which collection, since two are open; nothing is chosen for them.
    await signUp(page, unique('aban-submitter'));
    await page.goto('/en/submit');
    const choice = page.getByRole('group', { name: 'Which collection is your testimony for?' });
    await expect(choice.getByRole('radio')).toHaveCount(2);
    for (const radio of await choice.getByRole('radio').all()) await expect(radio).not.toBeChecked();
    await choice.getByRole('radio', { name: new RegExp(aban.name.replace(/[()]/g, '\\$&')) }).check();
    await page.getByRole('button', { name: en.start }).click();
    const idA = await finishTestimony(page, nameA);

    // Submitter B comes through the second collection's own page: its address preselects it.
    const b = await (await browser.newContext()).newPage();
    await signUp(b, unique('dey-submitter'));
    await b.goto('/en');
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('Remembering those killed, wounded, detained or disappeared');
    await b.getByRole('link', { name: dey.name }).click();
    await expect(b).toHaveURL(`/en/collections/${dey.slug}`);
    await b.getByRole('link', { name: 'Submit a testimony to this collection' }).click();
    await expect(b).toHaveURL(`/en/submit?collection=${dey.slug}`);
    await expect(b.getByRole('radio', { name: new RegExp(dey.name) })).toBeChecked();
    await b.getByRole('button', { name: en.start }).click();
    // 9 Dey 1401 = 30 December 2022.
    const idB = await finishTestimony(b, nameB, { day: '9', month: '10', year: '1401' });

    await approve(moderator, idA);
    personB = await approve(moderator, idB);

    // Each collection's home: its own heading, totals and latest records.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/en/collections/${dey.slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(dey.name);
    await expect(reader.locator('main')).toContainText('1 person documented');
    await expect(reader.locator('main')).toContainText('1 testimony published');
    await expect(reader.getByRole('link', { name: nameB })).toBeVisible();
    await expect(reader.getByRole('link', { name: nameA })).toHaveCount(0);
    await reader.goto(`/en/collections/${aban.slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(aban.name);
    await expect(reader.getByRole('link', { name: nameA })).toBeVisible();
    await expect(reader.getByRole('link', { name: nameB })).toHaveCount(0);
    // "Browse everyone in this collection" searches that collection only.
    await reader.goto(`/en/collections/${dey.slug}`);
    await reader.getByRole('link', { name: 'Browse everyone documented in this collection' }).click();
    await expect(reader.getByRole('link', { name: nameB })).toBeVisible();
    await expect(reader.getByRole('link', { name: nameA })).toHaveCount(0);

    // The overview lists each collection with its own totals.
    await reader.goto('/en');
    const deyItem = reader.getByRole('listitem').filter({ has: reader.getByRole('heading', { name: dey.name }) });
    await expect(deyItem).toContainText('1 person documented · 1 testimony published');
    await expect(reader.getByRole('heading', { name: 'Across all collections' })).toBeVisible();

    // Statistics: the second collection counts one person, on its own days, years named; no 2019 comparison.
    await reader.goto(`/en/collections/${dey.slug}/statistics`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Statistics: ${dey.name}`);
    await expect(reader.locator('main')).toContainText('These figures count the 1 person documented here');
    await expect(reader.locator('main')).not.toContainText('Amnesty International');
    const days = reader.getByRole('region', { name: 'By day' });
    await expect(days.getByRole('rowheader', { name: 'December 30, 2022' })).toBeVisible();
    await expect(days).not.toContainText('2019');
    // The timeline names the day, and the year under the first day and where it changes.
    // (a narrow and a wide chart are drawn; the page shows the one that fits)
    const axis = (await days.locator('svg:visible').textContent()) ?? '';
    expect(axis).toContain('Dec 30');
    expect(axis.match(/2022/g)).toHaveLength(1);
    expect(axis.match(/2023/g)).toHaveLength(1);
    const csv = await (await reader.request.get(`/en/collections/${dey.slug}/statistics/days.csv`)).text();
    expect(csv).toContain('2022-12-30,');
    expect(csv).not.toContain('2019-');
    await reader.goto(`/en/collections/${aban.slug}/statistics`);
    await expect(reader.locator('main')).toContainText('Amnesty International');
    await expect(reader.getByRole('region', { name: 'By day' })).toContainText('2019');
    await expect(reader.getByRole('region', { name: 'By day' })).not.toContainText('2022');

    // Feeds: each collection's own publications, subtitled with its own name.
    const feed = async (s: string) => (await reader.request.get(`/en/collections/${s}/feed.xml`)).text();
    const deyFeed = await feed(dey.slug);
    expect(deyFeed).toContain(`<subtitle>Persons and testimonies newly published in the collection “${dey.name}”.</subtitle>`);
    expect(deyFeed).toContain(nameB);
    expect(deyFeed).not.toContain(nameA);
    const abanFeed = await feed(aban.slug);
    expect(abanFeed).toContain(nameA);
    expect(abanFeed).not.toContain(nameB);

    // Persian, on a phone, without JavaScript: the collection page in Persian with Persian digits.
    const fa = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })).newPage();
    await fa.goto(`/fa/collections/${dey.slug}`);
    await expect(fa.getByRole('heading', { level: 1 })).toHaveText(dey.nameFa);
    await expect(fa.locator('main')).toContainText('۱ نفر ثبت شده');
    await fa.goto(`/fa/collections/${dey.slug}/statistics`);
    await expect(fa.getByRole('heading', { level: 1 })).toHaveText(`آمار: ${dey.nameFa}`);
  } finally {
    // Back to one public collection for the journeys that follow.
    if (personB) {
      await moderator.goto(`/en/staff/persons/${personB}`);
      await moderator.locator('#person-form form').getByLabel('Status', { exact: true }).selectOption('hidden');
      await moderator.locator('#person-form form').getByRole('button', { name: 'Save the person' }).click();
      await slowExpect(moderator.locator('#person-form form').getByLabel('Status', { exact: true })).toHaveValue('hidden');
    }
    await admin.goto('/en/staff/collections');
    const edit = admin.getByRole('form', { name: `Edit “${dey.name}”` });
    await edit.getByRole('checkbox', { name: 'Open for submissions' }).uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await slowExpect(admin.getByText('The collection was saved.')).toBeVisible();
  }
});
