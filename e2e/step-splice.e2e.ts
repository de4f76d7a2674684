// Submission steps the server splices into the step's shell (lib/forms-shell/step-shell.mjs): each is
// the page Next renders for that person and draft — its HTML byte for byte, its RSC payload decoded
// value for value, its headers — in both languages, for saved answers that need every escape, an
// empty draft and a full one; it hydrates without an error and the form works with JavaScript on and
// off; and whatever the splice is not sure of (signed out, someone else's draft, a query, the
// router's own fetch) is Next's.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { signUp, startDraft } from './support/submission';
import { expectSame, nonceOf, readPage, resolve } from './support/splice-page';

const navigation = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
// Per response (or per connection), or the splice's own mark.
const perResponse = new Set(['date', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'x-cache']);

/** The page and its headers, the nonce replaced, and without `strip` (the query that made it Next's). */
async function pageOf(request: APIRequestContext, path: string, strip = '') {
  const response = await request.get(path, { headers: navigation, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const nonce = nonceOf(headers);
  const page = readPage((await response.text()).replaceAll(strip, ''), nonce);
  const kept = Object.entries(headers)
    .filter(([name]) => !perResponse.has(name))
    // Next adds the stylesheet's preload to Link on some renders and not others (seen between two of its own).
    .map(([name, value]) => `${name}: ${value.replaceAll(nonce, 'NONCE').replace(/, <[^>]*>; rel=preload[^,]*/g, '')}`)
    .sort();
  return { ...page, cache: headers['x-cache'], headers: kept, tree: JSON.stringify(resolve(page.rows, page.rows.get('0'))).replaceAll(strip, '') };
}

/** The step as the splice serves it and as Next renders it (a query is never spliced). */
async function expectSpliceIsNext(request: APIRequestContext, path: string) {
  const spliced = await pageOf(request, path);
  expect(spliced.cache).toBe('spliced');
  for (let n = 1; ; n++) {
    const next = await pageOf(request, `${path}?zz=${n}`, `?zz=${n}`);
    expect(next.cache).not.toBe('spliced');
    // React streams a part not ready at the first flush after the rest: asked again until whole.
    if (next.rest.includes('<template id="B:') && n < 5) continue;
    expectSame(spliced.rest, next.rest);
    expectSame(spliced.tree, next.tree);
    expect(spliced.headers).toEqual(next.headers);
    return spliced;
  }
}

/** Saves the consent step as typed, without JavaScript (the form's "save and continue later"). */
async function saveConsent(page: Page, locale: 'en' | 'fa', draftId: string, creditName: string, radios: Record<string, string>) {
  await page.goto(`/${locale}/submit/${draftId}/consent`);
  await page.locator('#creditName').fill(creditName);
  for (const [name, value] of Object.entries(radios)) await page.locator(`input[name="${name}"][value="${value}"]`).check();
  await page.locator('button[name="intent"][value="later"]').click();
  await expect(page).toHaveURL(/\/my-testimonies\?saved=1$/);
}

const hostile = ['', 'Maryam', 'a"b\'c<d>e&f', '$x', '$$', 'back\\slash', '</script><script>alert(1)</script>', '{"a":1}', 'x\u2028y\u2029z', 'مادرِ Navid (RTL and LTR) ۱۲۳', '\u202eevil\u202c', 'long '.repeat(19)];

for (const locale of ['en', 'fa'] as const) {
  test.describe(`${locale}: a spliced consent step is the page Next renders`, () => {
    test.use({ javaScriptEnabled: false });

    test('an empty draft, then answers that need every escape, then a full one', async ({ page }) => {
      test.setTimeout(180_000);
      await signUp(page, unique(locale === 'fa' ? 'کاربر' : 'splice'));
      const draftId = await startDraft(page);
      const path = `/${locale}/submit/${draftId}/consent`;
      await expectSpliceIsNext(page.request, path);
      for (const [i, creditName] of hostile.entries()) {
        const radios = {
          publish: i % 2 ? 'public' : 'documentation_only',
          credit: (['anonymous', 'relationship', 'chosen_name'] as const)[i % 3]!,
          portraitPublic: i % 2 ? 'yes' : 'no',
          exactPlacePublic: i % 3 ? 'no' : 'yes',
          mayContact: i % 4 ? 'yes' : 'no',
        };
        await saveConsent(page, locale, draftId, creditName, radios);
        const spliced = await expectSpliceIsNext(page.request, path);
        // The value is there as typed (the spliced HTML, read back by a browser).
        expect(spliced.rest).toContain(`id="creditName"`);
      }
    });
  });
}

test('a spliced step hydrates without an error, keeps its answers, and its form works with JavaScript', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await signUp(page, unique('hydrate'));
  const draftId = await startDraft(page);
  const typed = 'Maryam "<x>" & $y </script>';
  await page.goto(`/en/submit/${draftId}/consent`);
  const hydrated = () => expect.poll(() => page.evaluate(() => Object.keys(document.getElementById('creditName') ?? {}).some((k) => k.startsWith('__reactFiber')))).toBe(true);
  await hydrated();
  await page.locator('#creditName').fill(typed);
  await page.locator('input[name="credit"][value="chosen_name"]').check();
  await page.locator('input[name="publish"][value="public"]').check();
  await page.getByRole('button', { name: 'Save and continue later' }).click();
  await expect(page).toHaveURL(/\/my-testimonies\?saved=1$/);
  const response = await page.goto(`/en/submit/${draftId}/consent`);
  expect(response!.headers()['x-cache']).toBe('spliced');
  await expect(page.locator('#creditName')).toHaveValue(typed);
  await expect(page.locator('input[name="credit"][value="chosen_name"]')).toBeChecked();
  await expect(page.locator('input[name="publish"][value="public"]')).toBeChecked();
  // Hydrated: React holds the form.
  await hydrated();
  await expect(page.getByText('Signed in as')).toBeVisible();
  // The step navigation leads to this draft's steps.
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('link').first()).toHaveAttribute('href', `/en/submit/${draftId}/about`);
  await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/submit/${draftId}/review$`));
  await page.goBack();
  await expect(page.locator('#creditName')).toHaveValue(typed);
  expect(problems).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a spliced Persian step shows the saved answers and its form goes on to the review', async ({ page }) => {
    await signUp(page, unique('بدون-اسکریپت'));
    const draftId = await startDraft(page);
    await saveConsent(page, 'fa', draftId, 'پسرِ او، Navid', { publish: 'public', credit: 'chosen_name', portraitPublic: 'yes', exactPlacePublic: 'no', mayContact: 'yes' });
    const response = await page.goto(`/fa/submit/${draftId}/consent`);
    expect(response!.headers()['x-cache']).toBe('spliced');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#creditName')).toHaveValue('پسرِ او، Navid');
    await expect(page.locator('input[name="portraitPublic"][value="yes"]')).toBeChecked();
    await page.locator('button[name="intent"][value="next"]').click();
    await expect(page).toHaveURL(new RegExp(`/fa/submit/${draftId}/review$`));
  });
});

test('what the splice is not sure of is answered by Next', async ({ page, browser }) => {
  await signUp(page, unique('owner'));
  const draftId = await startDraft(page);
  const path = `/en/submit/${draftId}/consent`;
  expect((await page.request.get(path, { headers: navigation })).headers()['x-cache']).toBe('spliced');
  // The router's own fetch, a query, another step, a HEAD: Next.
  expect((await page.request.get(path, { headers: { ...navigation, rsc: '1' } })).headers()['x-cache']).not.toBe('spliced');
  expect((await page.request.get(`${path}?upload=x`, { headers: navigation })).headers()['x-cache']).not.toBe('spliced');
  expect((await page.request.get(`/en/submit/${draftId}/account`, { headers: navigation })).headers()['x-cache']).not.toBe('spliced');
  expect((await page.request.get(`/en/submit/${draftId}/files`, { headers: navigation })).headers()['x-cache']).not.toBe('spliced');
  // Someone else: the page Next answers them (not found), never the owner's.
  const other = await browser.newContext({ javaScriptEnabled: false });
  const stranger = await other.newPage();
  await signUp(stranger, unique('stranger'));
  const theirs = await stranger.request.get(path, { headers: navigation, maxRedirects: 0 });
  expect(theirs.headers()['x-cache']).not.toBe('spliced');
  expect(theirs.status()).toBe(404);
  // Signed out: Next's redirect to sign in.
  const signedOut = await other.request.get(path, { headers: { ...navigation, cookie: '' }, maxRedirects: 0 });
  expect(signedOut.headers()['x-cache']).not.toBe('spliced');
  await other.close();
  const anonymous = await browser.newContext();
  const away = await anonymous.request.get(path, { headers: navigation, maxRedirects: 0 });
  expect(away.headers()['x-cache']).not.toBe('spliced');
  expect([303, 307]).toContain(away.status());
  await anonymous.close();
});
