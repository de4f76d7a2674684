// Steps of the submission flow shared by the journeys that need a submitted testimony.
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

export async function signUp(page: Page, username: string) {
  await page.goto('/en/sign-up');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Passphrase', { exact: true }).fill('river lantern quiet orchard');
  await form.getByLabel('Passphrase again').fill('river lantern quiet orchard');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
}

/** Starts a testimony as the signed-in person and returns the draft's id. */
export async function startDraft(page: Page): Promise<string> {
  await page.goto('/en/submit');
  await page.getByRole('button', { name: 'Start a testimony' }).click();
  await expect(page).toHaveURL(/\/en\/submit\/[0-9a-f-]{36}\//);
  return page.url().match(/submit\/([0-9a-f-]{36})/)![1]!;
}

export const fa = {
  start: 'شروع روایت', next: 'ذخیره و ادامه', submit: 'ارسال روایت', nameFa: 'نام به فارسی', outcome: 'چه بر او گذشت', killed: 'کشته شد',
  exact: 'روز دقیق', month: 'فقط ماه', day: 'روز', monthField: 'ماه', year: 'سال', relationship: 'نسبت شما با او', mother: 'مادر',
  firstHand: 'بله، خودم دیدم یا تجربه کردم', narrative: 'آنچه رخ داد، به زبان خودتان', submitted: 'ارسال‌شده', leave: 'خروج سریع',
};
export const en = {
  start: 'Start a testimony', next: 'Save and continue', submit: 'Submit testimony', nameFa: 'Name in Latin letters', outcome: 'What happened to them', killed: 'Killed',
  exact: 'The exact day', month: 'Only the month', day: 'Day', monthField: 'Month', year: 'Year', relationship: 'Your relationship to them', mother: 'Mother',
  firstHand: 'Yes, I saw or experienced it myself', narrative: 'What happened, in your own words', submitted: 'Submitted', leave: 'Leave quickly',
};

export async function fillAbout(page: Page, l: typeof fa, name: string) {
  await page.getByLabel(l.nameFa).fill(name);
  await page.getByLabel(l.outcome).selectOption({ label: l.killed });
  await page.getByRole('radio', { name: l.exact }).check();
  await page.getByLabel(l.day, { exact: true }).selectOption('25');
  await page.getByLabel(l.monthField, { exact: true }).selectOption('8');
  await page.getByLabel(l.year, { exact: true }).fill(l === fa ? '۱۳۹۸' : '1398');
  await page.getByLabel(l === fa ? 'تقویم' : 'Calendar').selectOption('persian');
}

export async function fillAccount(page: Page, l: typeof fa, narrative: string) {
  await page.getByLabel(l.relationship).selectOption({ label: l.mother });
  await page.getByRole('radio', { name: l.firstHand }).check();
  await page.getByRole('textbox', { name: l.narrative, exact: true }).fill(narrative);
  await page.getByRole('radio', { name: l.month }).check();
  await page.getByLabel(l.monthField, { exact: true }).selectOption('8');
  await page.getByLabel(l.year, { exact: true }).fill('1398');
  await page.getByLabel(l === fa ? 'تقویم' : 'Calendar').selectOption('persian');
}

/**
 * A fresh account submits a testimony about `about` with `narrative`, for publication on the
 * memorial after review (or, with `documentationOnly`, kept for documentation only; with
 * `mayContact`, moderators may write to them); returns the testimony's id. `page` is left signed
 * in as that account.
 */
export async function submitTestimony(page: Page, account: string, about: string, narrative: string, options: { documentationOnly?: boolean; mayContact?: boolean; creditName?: string } = {}): Promise<string> {
  await signUp(page, account);
  await page.goto('/en/submit');
  await page.getByRole('button', { name: en.start }).click();
  await fillAbout(page, en, about);
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await fillAccount(page, en, narrative);
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('radio', { name: options.documentationOnly ? 'No — keep it for documentation only' : 'Yes — publish it on the memorial after review' }).check();
  if (options.creditName) {
    await page.getByRole('radio', { name: 'A name I choose' }).check();
    await page.getByLabel('The name to show').fill(options.creditName);
  }
  if (options.mayContact) await page.getByRole('group', { name: 'May moderators send me questions here, in my account?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await page.getByRole('button', { name: en.submit }).click();
  await expect(page).toHaveURL(/\/en\/my-testimonies\/[0-9a-f-]+\?done=submitted$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}
