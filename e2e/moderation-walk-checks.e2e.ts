// A stranger's walk as a volunteer moderator (walk-moderator): what a moderator publishes lets
// nothing identifying slip through. A correction of a published text passes the checks of "Approve
// and publish" before it is public (a name the moderator had rewritten by hand put back, a new phone
// number); the public credit can be made narrower, before and after publishing, and a full name is
// published only on a tick; a two-step code typed in Persian digits is accepted; the review page
// numbers its revision in Persian digits. Persian at 1366 × 768 with JavaScript, English at 390 × 844
// without; each checks the public API after.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { persianDigits } from '../lib/i18n/digits';
import { expect, test } from './fixtures';
import { demoPassphrase, demoTotpSecret, freshCode, signIn, signInAsStaff, unique } from './support/accounts';
import { confirmNotIdentifying } from './support/publish';
import { submitTestimony } from './support/submission';

const laptop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false };
const slowExpect = expect.configure({ timeout: 20_000 });

type Published = { id: string; narrative: string; credit: { kind: string; name?: string } };
async function publicTestimony(page: Page, id: string): Promise<Published | undefined> {
  const listed = (await (await page.request.get('/api/v1/testimonies?limit=100')).json()) as { data: Published[] };
  return listed.data.find((t) => t.id === id);
}

async function staff(browser: Browser, options: BrowserContextOptions, next: string) {
  const signing = await (await browser.newContext()).newPage();
  await signInAsStaff(signing, 'demo-moderator', '/en/staff');
  const page = await (await browser.newContext({ ...options, storageState: await signing.context().storageState() })).newPage();
  await signing.context().close();
  await page.goto(next);
  return page;
}

test('JavaScript on, Persian at 1366 × 768: a correction passes the checks of publishing before it is public', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = faMessages.Moderation;
  const sent = 'Call Maryam Soltani, her cousin, at the bakery for the rest.';
  const author = await (await browser.newContext()).newPage();
  const id = await submitTestimony(author, unique('walkfix'), unique('Kaveh Walkfix'), sent);
  const moderator = await staff(browser, laptop, `/fa/staff/testimonies/${id}`);
  // Persian digits in Persian text: «نسخهٔ ۱», never «نسخهٔ 1».
  await expect(moderator.getByRole('heading', { level: 2, name: /نسخهٔ ۱\)/ })).toBeVisible();
  await expect(moderator.locator('main')).not.toContainText('نسخهٔ 1');
  await moderator.getByRole('button', { name: m.claim }).click();
  await confirmNotIdentifying(moderator, 'fa');
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.public);
  const reader = await (await browser.newContext()).newPage();

  // The moderator rewrites the sentence naming her by hand.
  const panel = moderator.getByRole('region', { name: m.publishedStepsHeading });
  const relatives = 'Call a relative at the bakery for the rest.';
  await panel.getByLabel(m.correctLabel).fill(relatives);
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.corrected);
  expect((await publicTestimony(reader, id))!.narrative).toBe(relatives);

  // Her name put back (not the whole removed run): flagged, nothing public.
  await panel.getByLabel(m.correctLabel).fill('Call Maryam at the bakery for the rest.');
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await expect(panel.getByText(m.redactionRestoredWords)).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: /^Maryam$/ })).toBeVisible();
  expect((await publicTestimony(reader, id))!.narrative).toBe(relatives);

  // A new phone number: refused and listed before it is public; public only once ticked.
  const withPhone = `${relatives} ۰۹۳۵۱۱۱۲۲۳۳`;
  await panel.getByLabel(m.correctLabel).fill(withPhone);
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await expect(panel.getByText(faMessages.Validation.confirmNotIdentifying)).toBeVisible();
  const found = panel.getByRole('group', { name: m.notIdentifyingLegend });
  await expect(found).toContainText(`${m.kinds.phone}: ۰۹۳۵۱۱۱۲۲۳۳`);
  await expect(panel.getByLabel(m.correctLabel)).toHaveValue(withPhone);
  expect((await publicTestimony(reader, id))!.narrative).toBe(relatives);
  await found.getByRole('checkbox').check();
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.corrected);
  expect((await publicTestimony(reader, id))!.narrative).toBe(withPhone);
  await moderator.getByRole('region', { name: m.publishedStepsHeading }).getByRole('button', { name: m.unpublish }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.unpublished);
});

test('JavaScript off, English at 390 × 844: the credit is checked, shortened before publishing and taken back after', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = enMessages.Moderation;
  const fullName = 'Farhad Karimi-Tabrizi';
  const author = await (await browser.newContext()).newPage();
  const id = await submitTestimony(author, unique('walkcredit'), unique('Omid Walkcredit'), 'Omid was taken from the square that evening.', { creditName: fullName });
  const moderator = await staff(browser, phone, `/en/staff/testimonies/${id}`);
  await moderator.getByRole('button', { name: m.claim }).click();
  // The full name is among what the checks find, and refused without a tick.
  const found = moderator.getByRole('group', { name: m.notIdentifyingLegend });
  await expect(found).toContainText(`${m.creditItem}: ${fullName}`);
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await expect(moderator.getByText(enMessages.Validation.confirmNotIdentifying)).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  expect(await publicTestimony(reader, id)).toBeUndefined();

  // Shortened by the moderator: shown in the preview, no tick needed, published as shortened.
  const credit = moderator.getByRole('region', { name: m.creditHeading });
  await credit.getByLabel(m.creditNameLabel).fill('Farhad K.');
  await credit.getByRole('button', { name: m.creditSave }).click();
  await expect(moderator.locator('#decided')).toHaveText(m.decided.credit_set);
  await expect(moderator.getByRole('group', { name: m.notIdentifyingLegend })).toHaveCount(0);
  await expect(moderator.locator('main')).toContainText('Farhad K.');
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await expect(moderator.locator('#decided')).toHaveText(m.decided.public);
  expect((await publicTestimony(reader, id))!.credit).toMatchObject({ kind: 'name', name: 'Farhad K.' });
  const csv = await (await reader.request.get('/api/v1/testimonies.csv')).text();
  expect(csv).not.toContain('Karimi');

  // After publishing: anonymous at once; the name can never come back wider.
  const after = moderator.getByRole('region', { name: m.creditHeading });
  await after.getByRole('radio', { name: m.consent.anonymous }).check();
  await after.getByRole('button', { name: m.creditSave }).click();
  await expect(moderator.locator('#decided')).toHaveText(m.decided.credit_set);
  expect((await publicTestimony(reader, id))!.credit).toEqual({ kind: 'anonymous' });
  await expect(moderator.getByRole('region', { name: m.creditHeading }).getByRole('radio')).toHaveCount(1);
});

test('Persian keyboard: the two-step sign-in code typed in Persian digits is accepted', async ({ page }) => {
  test.setTimeout(120_000);
  const t = faMessages.TwoFactor;
  await signIn(page, 'demo-admin', demoPassphrase, '/fa/staff');
  await expect(page).toHaveURL(/\/two-factor\?next=/);
  await page.goto(page.url().replace('/en/two-factor', '/fa/two-factor'));
  const form = page.getByRole('form', { name: t.title });
  await form.getByLabel(t.code).fill(persianDigits(await freshCode(page, demoTotpSecret, 'demo-admin')));
  await form.getByRole('button', { name: t.verifySubmit }).click();
  await expect(page).toHaveURL(/\/fa\/staff$/);
});
