// Device seizure (issue 7, "Headers and browser traces"): a submitter writes a testimony in a
// Chromium with a real, persistent profile on disk (the same binary and flags as every e2e test),
// with a canary string in the person's name, the narrative, a file's name and its caption, then
// signs out and closes the browser. Every file the profile folder then holds — HTTP cache,
// history, cookies, Local/Session Storage, IndexedDB, service workers, autofill, session restore —
// is searched for the canary in UTF-8 and UTF-16LE. Target: 0 files holding it. Heavy (about a
// minute on the 2-core machine): runs in `npm run test:security`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { unique } from '../support/accounts';
import { en, fillAbout, fillAccount, signUp } from '../support/submission';

// 1×1 PNG: a real image, so the upload is received (its name and caption carry the canary).
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('a seized browser profile holds nothing of a testimony after sign-out', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const canary = `SEIZURECANARY${Date.now().toString(36)}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-profile-'));
  let context: BrowserContext | undefined;
  try {
    const { launchOptions, viewport, userAgent, extraHTTPHeaders } = testInfo.project.use;
    context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport, userAgent, extraHTTPHeaders, baseURL });
    const page = context.pages()[0] ?? (await context.newPage());
    await signUp(page, unique('seized'));
    await page.goto('/en/submit');
    await page.getByRole('button', { name: en.start }).click();
    await fillAbout(page, en, `Name ${canary}`);
    await page.getByRole('button', { name: en.next, exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    await fillAccount(page, en, `What I saw: ${canary}`);
    await page.getByRole('button', { name: en.next, exact: true }).click();
    await expect(page).toHaveURL(/\/files$/);
    const files = page.getByRole('form', { name: 'Files' });
    await files.getByLabel('Photo, video, audio recording or document').setInputFiles({ name: `${canary}.png`, mimeType: 'image/png', buffer: png });
    await files.getByLabel('Caption (optional)').fill(`Caption ${canary}`);
    await files.getByRole('button', { name: 'Upload file' }).click();
    await expect(page.getByText('The file was received.')).toBeVisible();
    // Back to the narrative (history, back/forward state), then sign out.
    await page.goBack();
    await page.goto('/en/account');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/en$/);
    await context.close();
    context = undefined;

    const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
    const all = filesUnder(profile);
    const holding = all.filter((file) => {
      const bytes = fs.readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    });
    recordFigure({ figure: 'browser profile files holding the canary after sign-out', measured: holding.length, target: '0', ok: holding.length === 0 });
    expect(all.length).toBeGreaterThan(10); // the profile was really written
    expect(holding.map((file) => path.relative(profile, file))).toEqual([]);
  } finally {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
