// Public read limits (issue 16 §6) as a reader meets them: past the allowance a search answers a
// translated 429 page, without any script, that says how long to wait (and `Retry-After`); the API
// answers JSON with the wait; pages everyone reads stay open. Its own server, with allowances of
// three a minute, on its own embedded database (the suite's server allows the suite thousands),
// behind a "proxy" (TRUSTED_PROXY_HOPS=1) that is the test itself: each test comes from an address
// of its own, so one test's refusals do not reach the next.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type AppServer, appServer } from './support/app-server';
import { extraServerPort } from './support/ports.mjs';

const port = extraServerPort('limits');
const allowance = 3;
let server: AppServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-rate-limit-'));

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${port}` });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = appServer(port, {
    YADMAN_DATA_DIR: path.join(tmp, 'data'),
    LIMIT_SEARCH_ADDRESS: String(allowance),
    LIMIT_OPEN_DATA_ADDRESS: String(allowance),
    LIMIT_ACTION_ADDRESS: String(allowance),
    TRUSTED_PROXY_HOPS: '1',
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const from = (address: string) => ({ extraHTTPHeaders: { 'X-Forwarded-For': address } });

/**
 * Spends the address's search allowance on distinct queries, every one a miss and so counted: each
 * call's queries are its own (a query another test asked is a cached page, which is never counted).
 */
let spent = 0;
async function spendAllowance(page: Page, locale: string) {
  spent += 1;
  for (let i = 0; i < allowance; i++) {
    const allowed = await page.goto(`/${locale}/search?q=${locale}-allowed-${spent}-${i}`);
    expect(allowed!.status()).toBe(200);
  }
}

for (const [locale, viewport, address, title, waitText, retry] of [
  ['fa', { width: 390, height: 844 }, '198.51.100.31', 'لطفاً کمی صبر کنید', /لطفاً [۰-۹]+ ثانیهٔ دیگر دوباره امتحان کنید/, 'دوباره امتحان کنید'],
  ['en', { width: 1280, height: 900 }, '198.51.100.32', 'Please wait a moment', /Please try again in \d+ seconds?\./, 'Try again'],
] as const) {
  test.describe(`${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false, viewport, ...from(address) });

    test(`searching past the allowance gives the ${locale} 429 page with the wait; the home page stays open`, async ({ page }) => {
      test.setTimeout(60_000);
      await spendAllowance(page, locale);
      const refused = await page.goto(`/${locale}/search?q=${locale}-refused`);
      expect(refused!.status()).toBe(429);
      const headers = refused!.headers();
      expect(Number(headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(headers['cache-control']).toContain('no-store');
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(waitText);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('script')).toHaveCount(0);
      // "Try again" asks for the same search.
      await expect(page.getByRole('link', { name: retry })).toHaveAttribute('href', `/${locale}/search?q=${locale}-refused`);
      await page.screenshot({ path: test.info().outputPath(`rate-limited-${locale}.png`), fullPage: true });
      // Browse pages after the first count too; the first browse page and the home page do not.
      expect((await page.goto(`/${locale}/search?cursor=x`))!.status()).toBe(429);
      expect((await page.goto(`/${locale}/search`))!.status()).toBe(200);
      expect((await page.goto(`/${locale}`))!.status()).toBe(200);
    });
  });
}

test.describe('with JavaScript', () => {
  test.use(from('198.51.100.33'));

  test('a search from the form past the allowance lands on the 429 page', async ({ page }) => {
    await spendAllowance(page, 'en');
    await page.goto('/en/search');
    const box = page.getByRole('searchbox', { name: 'Name, or words from a testimony' });
    await box.fill('Gholipour');
    await box.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Please wait a moment' })).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('the open-data API', () => {
  test.use(from('198.51.100.34'));

  test('answers JSON with the wait past the allowance', async ({ request }) => {
    for (let i = 0; i < allowance; i++) expect((await request.get(`/api/v1/persons?limit=${i + 1}`)).status()).toBe(200);
    const refused = await request.get('/api/v1/persons?limit=10');
    expect(refused.status()).toBe(429);
    const body = (await refused.json()) as { error: string; retryAfterSeconds: number };
    expect(body.error).toBe('rate_limited');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.headers()['retry-after']).toBe(String(body.retryAfterSeconds));
    // The API's description is not a read of the data: never limited.
    expect((await request.get('/api/v1/openapi.json')).status()).toBe(200);
  });
});

test.describe('form posts, without JavaScript', () => {
  test.use({ javaScriptEnabled: false, ...from('198.51.100.35') });

  test('past the allowance a form is refused before it is read, and Back still holds what was typed', async ({ page }) => {
    const post = async () => {
      await page.goto('/en/sign-in');
      await page.getByLabel('Username').fill('someone-typing');
      await page.getByLabel('Passphrase').fill('not the passphrase at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    for (let i = 0; i < allowance; i++) {
      await post();
      await expect(page.getByRole('alert')).toHaveText('The username or passphrase is wrong.');
    }
    await post();
    await expect(page.getByRole('heading', { level: 1, name: 'Please wait a moment' })).toBeVisible();
    await expect(page.getByText('Many forms have been sent from your internet connection')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(/Please try again in \d+ seconds?\./);
    await expect(page.locator('script')).toHaveCount(0);
    await page.goBack();
    await expect(page.getByLabel('Username')).toHaveValue('someone-typing');
  });
});

