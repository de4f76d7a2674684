// Searches the public cache splices into the search page's shell (lib/public-cache/search-shell.mjs):
// each is the page Next renders for that URL — its HTML byte for byte, its RSC payload decoded
// value for value — for queries that need every escape; it hydrates without an error; and the form,
// the paging links, Back and Forward work with JavaScript on and off.
import { expect, test } from './fixtures';
import { expectSame, nonceOf, readPage, resolve } from './support/splice-page';

/**
 * A search URL no earlier run has asked for, for the same query: percent escapes in either case and
 * letters escaped or not decode the same, and trailing spaces are trimmed from the query.
 */
const fresh = (locale: string, q: string) => {
  const coin = () => Math.random() < 0.5;
  const query = encodeURIComponent(q).replace(/%[0-9A-F]{2}|[A-Za-z]/g, (c) =>
    c.startsWith('%') ? (coin() ? c.toLowerCase() : c) : coin() ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c,
  );
  // Short enough that Next writes the URL inline (1,024 characters and more are rows of their own).
  return `/${locale}/search?q=${query}${'+'.repeat(1 + Math.floor(Math.random() * 100))}`;
};
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;


/**
 * The same page rendered by Next: with an unknown parameter (not spliced), which shows only in the
 * page's own URL. React streams a part not ready at the first flush after the rest (a template,
 * then the part and a script): equal to the browser, not in bytes; asked again (another unknown
 * parameter) until a render came whole, as the shell does.
 */
async function renderedByNext(request: import('@playwright/test').APIRequestContext, path: string) {
  for (let n = 1; ; n++) {
    const rendered = await request.get(`${path}&zz=${n}`);
    expect(rendered.headers()['x-cache']).not.toBe('spliced');
    const html = await rendered.text();
    if (!html.includes('<template id="B:') || n === 5) return readPage(html.replaceAll(`&amp;zz=${n}`, ''), nonceOf(rendered.headers()));
  }
}

const hostile = ['Arash', 'Aarash Exampel', 'كيان', 'a"b\'c<d>e&f', '$x', 'back\\slash', 'line\nbreak', 'x\u2028y\u2029z', '</script><script>alert(1)</script>', '{"a":1}', '%', 'رضا قلی‌پور'];

test.describe('a spliced search is the page Next renders for its URL', () => {
  for (const locale of ['en', 'fa']) {
    for (const q of hostile) {
      test(`${locale}: ${JSON.stringify(q)}`, async ({ request }) => {
        const path = fresh(locale, q);
        const spliced = await request.get(path);
        expect(spliced.headers()['x-cache']).toBe('spliced');
        const a = readPage(await spliced.text(), nonceOf(spliced.headers()));
        const b = await renderedByNext(request, path);
        expectSame(a.rest, b.rest);
        expectSame(JSON.stringify(resolve(a.rows, a.rows.get('0'))), JSON.stringify(resolve(b.rows, b.rows.get('0'))).replace(/&zz=\d/g, ''));
      });
    }
  }

  test('a page after the first (a cursor), with and without a query', async ({ request }) => {
    const listing = await (await request.get('/en/search?limit=4')).text();
    const cursor = /href="\/en\/search\?limit=4&amp;cursor=([^"]+)"/.exec(listing)![1]!;
    for (const path of [`/en/search?cursor=${cursor}`, `${fresh('en', 'Example')}&cursor=${cursor}`]) {
      const spliced = await request.get(path);
      expect(['spliced', 'hit']).toContain(spliced.headers()['x-cache']);
      const a = readPage(await spliced.text(), nonceOf(spliced.headers()));
      const b = await renderedByNext(request, path);
      expectSame(a.rest, b.rest);
      expect(a.rest).toContain('>First page</a>');
      expectSame(JSON.stringify(resolve(a.rows, a.rows.get('0'))), JSON.stringify(resolve(b.rows, b.rows.get('0'))).replace(/&zz=\d/g, ''));
    }
  });
});

test('a spliced search hydrates without an error, and its form, Back and Forward work', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const first = fresh('en', 'Arash "<x>" & $y');
  const response = await page.goto(first);
  expect(response!.headers()['x-cache']).toBe('spliced');
  const box = page.getByRole('searchbox', { name: 'Name, or words from a testimony' });
  await expect(box).toHaveValue('Arash "<x>" & $y');
  // Hydrated: React holds the form's input and the results' element.
  await expect
    .poll(() => page.evaluate(() => ['search-q', 'results-heading'].every((id) => Object.keys(document.getElementById(id) ?? {}).some((k) => k.startsWith('__reactFiber')))))
    .toBe(true);
  await box.fill('Arash');
  // The form sends every field, the empty filters too: still a text search the cache splices.
  const submitted = page.waitForResponse((r) => r.request().isNavigationRequest() && r.url().includes('/en/search?q=Arash&'));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  expect((await submitted).headers()['x-cache']).toBe('spliced');
  await expect(page).toHaveURL(/\/en\/search\?q=Arash&province=&/);
  await expect(page.getByRole('main').getByRole('link', { name: 'Arash Example (demo)' })).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ (person|people) found/);
  await page.goBack();
  await expect.poll(() => pathOf(page.url())).toBe(first);
  await expect(box).toHaveValue('Arash "<x>" & $y');
  await expect(page.getByTestId('result-count')).toHaveText(/found/);
  await page.goForward();
  await expect(page).toHaveURL(/\/en\/search\?q=Arash&/);
  await expect(box).toHaveValue('Arash');
  await page.getByRole('main').getByRole('link', { name: 'Arash Example (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arash Example (demo)' })).toBeVisible();
  await page.goBack();
  await expect(box).toHaveValue('Arash');
  expect(problems).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a spliced Persian search, its form and Back', async ({ page }) => {
    const first = fresh('fa', 'آرش');
    expect((await page.goto(first))!.headers()['x-cache']).toBe('spliced');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('result-count')).toHaveText(/^[۰-۹]+ نفر پیدا شد$/);
    const box = page.locator('#search-q');
    await expect(box).toHaveValue('آرش');
    await box.fill('کیان');
    const submitted = page.waitForResponse((r) => r.request().isNavigationRequest() && r.url().includes('/fa/search?q=%DA%A9%DB%8C%D8%A7%D9%86&'));
    await box.press('Enter');
    expect((await submitted).headers()['x-cache']).toBe('spliced');
    await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('کیان');
    await page.goBack();
    await expect.poll(() => pathOf(page.url())).toBe(first);
    await expect(page.locator('#search-q')).toHaveValue('آرش');
  });
});
