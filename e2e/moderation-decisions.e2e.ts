// After a decision, a message or an edit, the page says what happened, as it is, with and without
// JavaScript, in English at desktop size and Persian at 390 × 844: "Approve and publish" confirms
// in a status region whether readers can now find the testimony; a documentation-only testimony is
// approved for documentation and its submitter is never told it was published; a message, note or
// answer appears in its thread at once, however many are sent (a redirect that only changed the
// page's #hash left the old thread on screen); "Save and continue" in an edit of a published
// testimony goes on to the review.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { en, fa, submitTestimony } from './support/submission';

const catalogues = { en: enMessages, fa: faMessages };
type Locale = keyof typeof catalogues;
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// Each decision re-renders the review page on the server; on a busy machine that takes a while.
const slowExpect = expect.configure({ timeout: 20_000 });

/** A submitter's account in its own browser (`options`), having submitted one testimony; returns the page and the id. */
async function submitter(browser: Browser, options: BrowserContextOptions, submission: { documentationOnly?: boolean; mayContact?: boolean } = {}) {
  const page = await (await browser.newContext(options)).newPage();
  const id = await submitTestimony(page, unique('decided'), unique('Dariush Example'), 'They took him at night, at the gate of the bazaar.', submission);
  return { page, id };
}

/** The demo moderator in a browser of their own, holding the testimony, on its review page in `locale`. */
async function moderatorHolding(browser: Browser, id: string, locale: Locale, options: BrowserContextOptions = desktop) {
  const signing = await (await browser.newContext()).newPage();
  await signInAsStaff(signing, 'demo-moderator', '/en/staff');
  const page = await (await browser.newContext({ ...options, storageState: await signing.context().storageState() })).newPage();
  await signing.context().close();
  const m = catalogues[locale].Moderation;
  await page.goto(`/${locale}/staff/testimonies/${id}`);
  await page.getByRole('button', { name: m.claim }).click();
  await expect(page.getByText(m.heldByYou)).toBeVisible();
  return page;
}

const decision = (page: Page) => page.locator('#decided[role="status"]');

test('JavaScript on, English: a documentation-only testimony is approved for documentation, said so, and its submitter is never told it was published', async ({ browser }) => {
  test.setTimeout(180_000);
  const m = enMessages.Moderation;
  const { page: author, id } = await submitter(browser, desktop, { documentationOnly: true });
  const moderator = await moderatorHolding(browser, id, 'en');
  await expect(moderator.getByText(m.approveDocumentationHint)).toBeVisible();
  await expect(moderator.getByRole('button', { name: m.approvePublish })).toHaveCount(0);
  // The status region is there, empty, before the decision, and the same element after it: the
  // message appears in a live region that already existed, which is what screen readers announce.
  await expect(decision(moderator)).toHaveText('');
  await decision(moderator).evaluate((el) => el.setAttribute('data-before-decision', ''));
  await moderator.getByRole('button', { name: m.approveDocumentation }).click();
  await slowExpect(decision(moderator)).toHaveText(m.decided.documentation_only);
  await expect(decision(moderator)).toHaveAttribute('data-before-decision', '');
  await expect(moderator.getByText(`${m.statusLabel} ${m.status.accepted}`)).toBeVisible();

  const mine = enMessages.MyTestimonies;
  await author.goto(`/en/my-testimonies/${id}`);
  await expect(author.getByText(`${mine.statusLabel}: ${mine.status.accepted}`)).toBeVisible();
  await expect(author.getByText(mine.events.accept)).toBeVisible();
  await expect(author.getByText(mine.status.published, { exact: true })).toHaveCount(0);
  await author.goto('/en/notifications');
  await expect(author.getByText(enMessages.Notifications.kinds.accepted)).toBeVisible();
  await expect(author.getByText(enMessages.Notifications.kinds.published)).toHaveCount(0);
  // And it is indeed not public.
  const reader = await author.request.get(`/en/testimonies/${id}`, { maxRedirects: 0 });
  expect(reader.headers().location ?? '').not.toContain('/persons/');
});

test('JavaScript off, Persian at 390 × 844: "Approve and publish" confirms on the page it lands on that the testimony is now public', async ({ browser }) => {
  test.setTimeout(180_000);
  const m = faMessages.Moderation;
  const { page: author, id } = await submitter(browser, desktop);
  const moderator = await moderatorHolding(browser, id, 'fa', { ...phone, javaScriptEnabled: false });
  await expect(decision(moderator)).toHaveText('');
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await slowExpect(decision(moderator)).toHaveText(m.decided.public);
  await expect(moderator).toHaveURL(/\?decided=public#decided$/);
  await expect(moderator.getByText(`${m.statusLabel} ${m.status.published}`)).toBeVisible();
  const mine = faMessages.MyTestimonies;
  await author.goto(`/fa/my-testimonies/${id}`);
  await expect(author.getByText(`${mine.statusLabel}: ${mine.status.published}`)).toBeVisible();
  const reader = await author.request.get(`/fa/testimonies/${id}`, { maxRedirects: 0 });
  expect(reader.headers().location ?? '').toContain('/persons/');
});

test('JavaScript on: every message, note and answer appears in its thread at once, with a status message, however many are sent', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = enMessages.Moderation;
  const { page: author, id } = await submitter(browser, phone, { mayContact: true });
  const moderator = await moderatorHolding(browser, id, 'en');
  const messages = moderator.locator('#messages');
  const notes = moderator.locator('#notes');
  for (const n of [1, 2, 3]) {
    await moderator.getByLabel(m.sendMessageLabel).fill(`QUESTION-${n}`);
    await moderator.getByRole('button', { name: m.sendMessage, exact: true }).click();
    await slowExpect(messages.getByRole('listitem').filter({ hasText: `QUESTION-${n}` })).toBeVisible();
    await expect(messages.getByRole('status')).toHaveText(m.messageSent);
    await expect(moderator.getByLabel(m.sendMessageLabel)).toHaveValue('');
    // A note in between: the page's #hash moves from one section to the other and back.
    await moderator.getByLabel(m.addNoteLabel).fill(`NOTE-${n}`);
    await moderator.getByRole('button', { name: m.addNote }).click();
    await slowExpect(notes.getByRole('listitem').filter({ hasText: `NOTE-${n}` })).toBeVisible();
    await expect(notes.getByRole('status')).toHaveText(m.noteAdded);
  }
  await expect(messages.getByRole('listitem')).toHaveCount(3);

  const t = faMessages.Messages;
  await author.goto(`/fa/my-testimonies/${id}`);
  for (const n of [1, 2, 3]) {
    await author.getByLabel(t.replyLabel).fill(`ANSWER-${n}`);
    await author.getByRole('button', { name: t.reply }).click();
    await slowExpect(author.getByRole('listitem').filter({ hasText: `ANSWER-${n}` })).toBeVisible();
    await expect(author.getByRole('status').filter({ hasText: t.replySent })).toBeVisible();
  }
  await expect(author.getByRole('listitem').filter({ hasText: /QUESTION-|ANSWER-/ })).toHaveCount(6);
});

for (const [javaScriptEnabled, locale, options] of [[true, 'en', desktop], [false, 'fa', phone]] as const) {
  test(`JavaScript ${javaScriptEnabled ? 'on, English' : 'off, Persian at 390 × 844'}: "Save and continue" in an edit of a published testimony goes on to the review, and the edit is sent`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { page: author, id } = await submitter(browser, { ...options, javaScriptEnabled });
    const moderator = await moderatorHolding(browser, id, 'en');
    await moderator.getByRole('button', { name: enMessages.Moderation.approvePublish }).click();
    await slowExpect(decision(moderator)).toHaveText(enMessages.Moderation.decided.public);

    const c = catalogues[locale];
    const steps = locale === 'fa' ? fa : en;
    await author.goto(`/${locale}/my-testimonies/${id}`);
    await author.getByRole('link', { name: c.MyTestimonies.edit }).click();
    await expect(author).toHaveURL(/\/account$/);
    await author.getByRole('textbox', { name: steps.narrative, exact: true }).fill('They took him at night, at the gate of the bazaar. EDITED LATER.');
    await author.getByRole('button', { name: steps.next, exact: true }).click();
    await expect(author).toHaveURL(new RegExp(`/${locale}/submit/${id}/review$`));
    await expect(author.getByRole('heading', { level: 1 })).toHaveText(c.Submit.steps.review);
    await expect(author.getByText('EDITED LATER.')).toBeVisible();
    if (javaScriptEnabled) await expect(author.getByRole('checkbox', { name: c.ProofOfWork.verified })).toBeChecked({ timeout: 30_000 });
    await author.getByRole('button', { name: steps.submit }).click();
    await expect(author).toHaveURL(/\?done=revised$/);
    await expect(author.getByText(c.MyTestimonies.revisionInReview)).toBeVisible();
  });
}
