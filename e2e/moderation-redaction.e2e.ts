// Redaction on the review page (issue 15), with JavaScript on and off, in English at desktop size
// and in Persian at 390 × 844: suggestions change nothing until the moderator applies the ticked
// ones (an unticked one stays in the text and comes back unticked); two successive edits are both
// kept and the box and the preview show each saved text at once; a save made on a text that was
// saved meanwhile (a second tab or device of the moderator holding the claim) is refused with the
// saved text shown and the typed text kept, re-based on the saved one, so that saving again never
// brings back what the other save removed; bringing removed words back needs saying so.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { submitTestimony } from './support/submission';

const phone = '0912 111 2233';
const address = 'کوچه ۱۲، پلاک ۴۵';
// The testimony's language is told from its text: Persian here, so the mark is Persian too.
const mark = '[حذف شد]';
const narrative = `We waited at the hospital gate all night. Call me on ${phone}. خانه‌مان ${address} بود. آن روز رفته بود خیابان.`;

type Locale = 'en' | 'fa';
const messages = { en: enMessages, fa: faMessages };
const ui = (l: Locale) => {
  const m = messages[l].Moderation;
  return { ...m, changed: messages[l].Validation.changedSinceOpened, restored: messages[l].Validation.redactionRestored, phoneBox: `${m.kinds.phone}: ${phone}`, addressBox: `${m.kinds.address}: ${address}` };
};
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const phoneSize: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// Each save re-renders the review page on the server; on a busy machine that takes a while.
const slowExpect = expect.configure({ timeout: 20_000 });

/** A fresh testimony, submitted by a new account, that only this test reviews. */
async function submitted(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const id = await submitTestimony(await context.newPage(), unique('redaction'), unique('Sohrab Example'), narrative);
  await context.close();
  return id;
}

/** The demo moderator's session, signed in once per test with JavaScript on (the sign-in's proof of work). */
async function moderatorSession(browser: Browser): Promise<BrowserContextOptions['storageState']> {
  const signing = await browser.newContext();
  await signInAsStaff(await signing.newPage(), 'demo-moderator', '/en/staff');
  const storageState = await signing.storageState();
  await signing.close();
  return storageState;
}

/** A browser with `options` (JavaScript perhaps off) holding that session, on the review page in `locale`. */
async function reviewPage(browser: Browser, session: BrowserContextOptions['storageState'], options: BrowserContextOptions, id: string, locale: Locale): Promise<Page> {
  const page = await (await browser.newContext({ ...options, storageState: session })).newPage();
  await page.goto(`/${locale}/staff/testimonies/${id}`);
  return page;
}

/** The suggestions' boxes (the publish controls list what is left with ticks of their own). */
const suggested = (page: Page, _l: Locale) => page.locator('fieldset:has(input[name="span"])');
const box = (page: Page, l: Locale) => page.getByLabel(ui(l).redactedTextLabel);
const preview = (page: Page) => page.locator('#preview');

async function saveEdit(page: Page, l: Locale, text: string) {
  await box(page, l).fill(text);
  await page.getByRole('button', { name: ui(l).saveRedaction }).click();
}

async function redactionJourney(page: Page, l: Locale) {
  const t = ui(l);
  await page.getByRole('button', { name: t.claim }).click();
  await expect(page.getByText(t.heldByYou)).toBeVisible();

  // Opening the review changes nothing: both suggestions offered ticked, the text as it was sent.
  await expect(suggested(page, l).getByRole('checkbox', { name: t.phoneBox })).toBeChecked();
  await expect(suggested(page, l).getByRole('checkbox', { name: t.addressBox })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /رفته بود/ })).toHaveCount(0);
  await expect(box(page, l)).toHaveValue(narrative);

  // Only the ticked one is applied, and the unticked one comes back unticked.
  await suggested(page, l).getByRole('checkbox', { name: t.addressBox }).uncheck();
  await page.getByRole('button', { name: t.applySuggestions }).click();
  await slowExpect(box(page, l)).toHaveValue(`We waited at the hospital gate all night. Call me on ${mark}. خانه‌مان ${address} بود. آن روز رفته بود خیابان.`);
  await expect(suggested(page, l).getByRole('checkbox', { name: t.addressBox })).not.toBeChecked();
  await expect(suggested(page, l).getByRole('checkbox', { name: t.phoneBox })).toBeChecked();
  await expect(preview(page)).not.toContainText(phone);
  await expect(preview(page)).toContainText(address);

  // Unticking restores: the phone number comes back; ticking both redacts both.
  await suggested(page, l).getByRole('checkbox', { name: t.phoneBox }).uncheck();
  await page.getByRole('button', { name: t.applySuggestions }).click();
  await slowExpect(box(page, l)).toHaveValue(narrative);
  await suggested(page, l).getByRole('checkbox', { name: t.phoneBox }).check();
  await suggested(page, l).getByRole('checkbox', { name: t.addressBox }).check();
  await page.getByRole('button', { name: t.applySuggestions }).click();
  const redacted = `We waited at the hospital gate all night. Call me on ${mark}. خانه‌مان ${mark} بود. آن روز رفته بود خیابان.`;
  await slowExpect(box(page, l)).toHaveValue(redacted);

  // Two successive edits: the box and the preview show each saved text at once, and both are kept.
  await saveEdit(page, l, `${redacted} EDIT-ONE`);
  await slowExpect(preview(page)).toContainText('EDIT-ONE');
  await expect(box(page, l)).toHaveValue(`${redacted} EDIT-ONE`);
  const current = await box(page, l).inputValue();
  await saveEdit(page, l, `${current} EDIT-TWO`);
  await slowExpect(preview(page)).toContainText('EDIT-ONE EDIT-TWO');
  await expect(box(page, l)).toHaveValue(`${redacted} EDIT-ONE EDIT-TWO`);
  await page.reload();
  await expect(box(page, l)).toHaveValue(`${redacted} EDIT-ONE EDIT-TWO`);
  await expect(preview(page)).toContainText('EDIT-ONE EDIT-TWO');
  await expect(preview(page)).not.toContainText(phone);
}

for (const [javaScript, name] of [[true, 'JavaScript on'], [false, 'JavaScript off']] as const) {
  test(`${name}, English at desktop size: suggestions wait for the moderator, and two successive redaction edits are both kept and shown at once`, async ({ browser }) => {
    test.setTimeout(180_000);
    const id = await submitted(browser);
    await redactionJourney(await reviewPage(browser, await moderatorSession(browser), { ...desktop, javaScriptEnabled: javaScript }, id, 'en'), 'en');
  });

  test(`${name}, Persian at 390 × 844: suggestions wait for the moderator, and two successive redaction edits are both kept and shown at once`, async ({ browser }) => {
    test.setTimeout(180_000);
    const id = await submitted(browser);
    await redactionJourney(await reviewPage(browser, await moderatorSession(browser), { ...phoneSize, javaScriptEnabled: javaScript }, id, 'fa'), 'fa');
  });

  test(`${name}: a save made on a text saved meanwhile in another window is re-based on it, and never silently brings back what that save removed`, async ({ browser }) => {
    test.setTimeout(180_000);
    const id = await submitted(browser);
    const session = await moderatorSession(browser);
    const first = await reviewPage(browser, session, desktop, id, 'en');
    await first.getByRole('button', { name: ui('en').claim }).click();
    await expect(first.getByText(ui('en').heldByYou)).toBeVisible();
    // The same moderator in a second browser (another device), opened on the same version.
    const second = await reviewPage(browser, session, { ...phoneSize, javaScriptEnabled: javaScript }, id, 'fa');
    await expect(box(second, 'fa')).toHaveValue(narrative);

    // The first window removes a word that could place the family (here: "hospital").
    const firstText = narrative.replace('hospital', '[redacted]');
    await saveEdit(first, 'en', firstText);
    await slowExpect(preview(first)).not.toContainText('hospital');

    // The second window edits the older text, which still holds the word.
    await saveEdit(second, 'fa', `${narrative} SECOND-EDIT.`);
    const t = ui('fa');
    await slowExpect(second.getByText(t.changed)).toBeVisible();
    await expect(second.getByText(t.redactionRebased)).toBeVisible();
    await expect(second.getByRole('region', { name: t.redactionSavedMeanwhile })).toContainText(firstText);
    // Its own edit is kept, re-based on the saved text: the word the first window removed stays removed.
    await expect(box(second, 'fa')).toHaveValue(`${firstText} SECOND-EDIT.`);
    await expect(box(second, 'fa')).toHaveAttribute('aria-invalid', 'true');
    await expect(preview(second)).not.toContainText('hospital');

    // "Save again" saves both edits.
    await second.getByRole('button', { name: t.saveRedaction }).click();
    await slowExpect(preview(second)).toContainText('SECOND-EDIT');
    await expect(preview(second)).not.toContainText('hospital');
    await expect(second.getByText(t.changed)).toHaveCount(0);
    await first.reload();
    await expect(box(first, 'en')).toHaveValue(`${firstText} SECOND-EDIT.`);

    // Typing the word back is refused, naming it; saved only once the moderator says it is on purpose.
    await saveEdit(second, 'fa', `${narrative} SECOND-EDIT.`);
    await slowExpect(second.getByText(t.restored)).toBeVisible();
    await expect(second.getByRole('list', { name: t.redactionRestoredWords })).toHaveText('hospital');
    await expect(second.getByRole('region', { name: t.redactionSavedText })).toContainText(`${firstText} SECOND-EDIT.`);
    await expect(box(second, 'fa')).toHaveValue(`${narrative} SECOND-EDIT.`);
    await expect(preview(second)).not.toContainText('hospital');
    await second.getByRole('checkbox', { name: t.redactionRestoreConfirm }).check();
    await second.getByRole('button', { name: t.saveRedaction }).click();
    await slowExpect(preview(second)).toContainText('hospital');
    await expect(second.getByText(t.restored)).toHaveCount(0);
  });
}
