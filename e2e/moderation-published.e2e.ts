// Walk findings A and B: identifying details published with no way to take them back. A file's
// caption goes public only as the moderator wrote it for readers (never the submitter's "Note by
// <name>, <phone>"); a published testimony's redaction is corrected — readers and the API get the
// corrected text at once — or the testimony is taken down; unlinking its person asks first, and
// the review page and the submitter then say it is not on the memorial. English at desktop size
// with JavaScript, Persian at 390 × 844 without; each checks the public pages and the API after.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import sharp from 'sharp';
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { signInAsStaff, unique } from './support/accounts';
import { confirmNotIdentifying } from './support/publish';
import { signUp, startDraft, submitTestimony } from './support/submission';

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const slowExpect = expect.configure({ timeout: 20_000 });
const phoneNumber = '09123456789';

type Published = { id: string; personIds: string[]; narrative: string; attachments: { caption: string | null }[] };
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

/** A submitter (no JavaScript: the plain upload form) sends a testimony with one captioned photo. */
async function submitWithCaptionedPhoto(browser: Browser, caption: string, narrative: string) {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signUp(page, unique('caption'));
  const draftId = await startDraft(page);
  await page.getByLabel('Name in Latin letters').fill(unique('Nima Captiontest'));
  await page.getByLabel('What happened to them').selectOption({ label: 'Killed' });
  await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
  await page.getByLabel('Your relationship to them').selectOption({ label: 'Mother' });
  await page.getByRole('radio', { name: 'Yes, I saw or experienced it myself' }).check();
  await page.getByRole('textbox', { name: 'What happened, in your own words', exact: true }).fill(narrative);
  await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
  await expect(page).toHaveURL(/\/files$/);
  const form = page.getByRole('form', { name: 'Files' });
  const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  await form.getByLabel('Photo, video, audio recording or document').setInputFiles({ name: 'note.jpg', mimeType: 'image/jpeg', buffer: photo });
  await form.getByLabel('Caption (optional)').fill(caption);
  await form.getByRole('button', { name: 'Upload file' }).click();
  await expect(page.getByText('The file was received.')).toBeVisible({ timeout: 30_000 });
  await expect(async () => {
    await page.goto(`/en/submit/${draftId}/files`);
    await expect(page.getByRole('region', { name: 'Files' }).getByRole('link', { name: 'Open', exact: true })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
  await page.getByRole('radio', { name: 'Yes — publish it on the memorial after review' }).check();
  await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
  await page.getByRole('button', { name: 'Submit testimony' }).click();
  await expect(page.getByText('Thank you. Your testimony was submitted.')).toBeVisible();
  return { page, id: page.url().match(/my-testimonies\/([0-9a-f-]{36})/)![1]! };
}

test('JavaScript on, English: only the moderator’s caption is public; the published text is corrected at once, then taken down', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = enMessages.Moderation;
  const files = enMessages.ReviewFiles;
  const submitted = `Note by Maryam Soltani, ${phoneNumber}`;
  const { page: author, id } = await submitWithCaptionedPhoto(browser, submitted, `Maryam Soltani phoned us from ${phoneNumber} that night.`);
  const moderator = await staff(browser, desktop, `/en/staff/testimonies/${id}`);
  await moderator.getByRole('button', { name: m.claim }).click();
  await expect(moderator.getByText(m.heldByYou)).toBeVisible();

  // The submitter's caption, for moderators, with what looks identifying in it; the box starts without it.
  const file = moderator.getByRole('listitem', { name: 'File 1' });
  await expect(file).toContainText(`${files.submitterCaption} ${submitted}`);
  await expect(file.getByRole('note')).toContainText(`${m.kinds.phone}: ${phoneNumber}`);
  const box = file.getByLabel(files.captionLabel);
  await expect(box).toHaveValue(/^Note by Maryam Soltani, \[(?:redacted|حذف شد)\]$/);
  await box.fill('Note by [redacted]');
  await file.getByRole('button', { name: files.captionSave }).click();
  await slowExpect(moderator.getByRole('listitem', { name: 'File 1' })).toContainText(`${files.publicCaption} Note by [redacted]`);
  await moderator.getByRole('listitem', { name: 'File 1' }).getByRole('radio', { name: files.public }).check();
  await moderator.getByRole('listitem', { name: 'File 1' }).getByRole('button', { name: files.save, exact: true }).click();
  await slowExpect(moderator.getByRole('listitem', { name: 'File 1' })).toContainText('Shown to: readers (public)');
  await confirmNotIdentifying(moderator, 'en');
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.public);

  const reader = await (await browser.newContext()).newPage();
  const published = (await publicTestimony(reader, id))!;
  expect(published.attachments.map((a) => a.caption)).toEqual(['Note by [redacted]']);
  const personHtml = async () => (await reader.request.get(`/en/persons/p-${published.personIds[0]}`)).text();
  expect(await personHtml()).toContain('alt="Note by [redacted]"');
  expect(await personHtml()).not.toContain('Note by Maryam');

  // The published text still names her and her number: corrected from the review page.
  const panel = moderator.getByRole('region', { name: m.publishedStepsHeading });
  const text = panel.getByLabel(m.correctLabel);
  await expect(text).toHaveValue(`Maryam Soltani phoned us from ${phoneNumber} that night.`);
  await text.fill('[redacted] phoned us from [redacted] that night.');
  await panel.getByRole('button', { name: m.correctSave }).click();
  await expect(panel.getByText(enMessages.Validation.confirmCorrection)).toBeVisible();
  await expect(panel.getByLabel(m.correctLabel)).toHaveValue('[redacted] phoned us from [redacted] that night.');
  expect((await publicTestimony(reader, id))!.narrative).toContain(phoneNumber);
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.corrected);
  expect((await publicTestimony(reader, id))!.narrative).toBe('[redacted] phoned us from [redacted] that night.');
  for (const html of [await personHtml(), await (await reader.request.get('/api/v1/testimonies.json')).text()]) {
    expect(html).not.toContain(phoneNumber);
    expect(html).not.toContain('Maryam Soltani');
  }

  await moderator.getByRole('region', { name: m.publishedStepsHeading }).getByRole('button', { name: m.unpublish }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.unpublished);
  await expect(moderator.getByText(`${m.statusLabel} ${m.status.unpublished}`)).toBeVisible();
  expect(await publicTestimony(reader, id)).toBeUndefined();
  await author.goto(`/en/my-testimonies/${id}`);
  await expect(author.getByText(`${enMessages.MyTestimonies.statusLabel}: ${enMessages.MyTestimonies.status.unpublished}`)).toBeVisible();
});

test('JavaScript off, Persian at 390 × 844: the queue shows every column; a correction and a confirmed unlink reach the public pages, the review page and the submitter', async ({ browser }) => {
  test.setTimeout(240_000);
  const m = faMessages.Moderation;
  const author = await (await browser.newContext(desktop)).newPage();
  const id = await submitTestimony(author, unique('unlink'), unique('Kaveh Example'), `Call Maryam at ${phoneNumber} for the rest.`);
  const options = { ...phone, javaScriptEnabled: false };

  // The queue on a phone: the holder and "needs attention" columns are on screen, each labelled.
  const moderator = await staff(browser, options, '/fa/staff');
  // Any row will do (oldest first: this one may be on a later page).
  const row = moderator.locator('tbody tr').first();
  for (const label of [m.colHeldBy, faMessages.Queue.colAttention]) {
    const cell = row.locator(`td[data-label="${label}"]`);
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }

  await moderator.goto(`/fa/staff/testimonies/${id}`);
  await moderator.getByRole('button', { name: m.claim }).click();
  await confirmNotIdentifying(moderator, 'fa');
  await moderator.getByRole('button', { name: m.approvePublish }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.public);
  const reader = await (await browser.newContext()).newPage();
  const published = (await publicTestimony(reader, id))!;

  const panel = moderator.getByRole('region', { name: m.publishedStepsHeading });
  await panel.getByLabel(m.correctLabel).fill('Call Maryam at [حذف شد] for the rest.');
  await panel.getByRole('checkbox', { name: m.correctConfirm }).check();
  await panel.getByRole('button', { name: m.correctSave }).click();
  await slowExpect(moderator.locator('#decided')).toHaveText(m.decided.corrected);
  expect((await publicTestimony(reader, id))!.narrative).toBe('Call Maryam at [حذف شد] for the rest.');
  expect(await (await reader.request.get(`/fa/persons/p-${published.personIds[0]}`)).text()).not.toContain(phoneNumber);

  // Unlinking the only person asks first, then the testimony leaves the memorial and every page says so.
  const persons = faMessages.Persons;
  await moderator.goto(`/fa/staff/persons/${published.personIds[0]}`);
  const link = moderator.locator('#testimonies li', { has: moderator.locator(`a[href="/fa/staff/testimonies/${id}"]`) });
  await link.locator('summary').click();
  await expect(link.getByText(persons.unlinkWarning)).toBeVisible();
  await link.getByRole('checkbox', { name: persons.unlinkConfirm }).check();
  await link.getByRole('button', { name: persons.unlinkSubmit }).click();
  await expect(moderator.locator(`a[href="/fa/staff/testimonies/${id}"]`)).toHaveCount(0);
  expect(await publicTestimony(reader, id)).toBeUndefined();
  await moderator.goto(`/fa/staff/testimonies/${id}`);
  await expect(moderator.getByText(`${m.statusLabel} ${m.status.not_shown}`)).toBeVisible();
  await author.goto(`/fa/my-testimonies/${id}`);
  const mine = faMessages.MyTestimonies;
  await expect(author.getByText(`${mine.statusLabel}: ${mine.status.not_shown}`)).toBeVisible();
});
