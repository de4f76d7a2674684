// The public memorial with JavaScript off: search by a variant spelling, filter, paginate, open a
// person; axe on home, search and person pages in both languages; unpublished ids are 404s.
import AxeBuilder from '@axe-core/playwright';
import { demoPersonId } from '../lib/seed/demo-persons';
import { expect, test } from './fixtures';

const axe = async (page: import('@playwright/test').Page) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('search by a variant spelling, open the person, and read the redacted testimony', async ({ page }) => {
    await page.goto('/en');
    await page.getByRole('searchbox', { name: 'Name, city or province' }).fill('Aarash Exampel');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=Aarash\+Exampel/);
    const first = page.getByRole('main').getByRole('listitem').first();
    await expect(first).toContainText('Arash Example (demo)');
    await first.getByRole('link').click();
    await expect(page).toHaveURL(/\/en\/persons\/demo-arash-example-[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Arash Example (demo)' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /Testimony of his mother, \d{4}/ })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('[نام]');
    await expect(page.getByRole('link', { name: /Report a correction/ })).toHaveAttribute('href', /\/en\/submit\?person=/);
  });

  for (const l of [
    { locale: 'en', heading: 'How to cite', id: 'Record id:', bibtex: 'BibTeX', ris: /^RIS/, wiki: 'Wikipedia template (cite web)', permalink: 'Permanent link to this testimony' },
    { locale: 'fa', heading: 'شیوهٔ ارجاع', id: 'شناسهٔ پرونده:', bibtex: 'BibTeX', ris: /^RIS/, wiki: 'الگوی ویکی‌پدیا (یادکرد وب، cite web)', permalink: 'پیوند پایدار این روایت' },
  ] as const) {
    test(`a person page offers the citation forms and a permanent link per testimony (${l.locale})`, async ({ page, baseURL }) => {
      const id = demoPersonId('demo-arash-example');
      await page.goto(`/${l.locale}/persons/demo-arash-example-${id}`);
      const cite = page.getByRole('region', { name: l.heading });
      await expect(cite).toContainText(l.id);
      await expect(cite.getByRole('code').filter({ hasText: id })).toBeVisible();
      // Opened without JavaScript (<details>), and shaped as the tools that read them expect.
      await cite.getByText(l.wiki, { exact: true }).click();
      await expect(cite.getByLabel(l.wiki)).toContainText(/^\{\{cite web \|url=http/);
      const bib = (await cite.getByLabel(l.bibtex).textContent())!;
      expect(bib).toMatch(new RegExp(`^@misc\\{yadman-${id},\n`));
      expect(bib.trimEnd().endsWith('}')).toBe(true);
      const ris = (await cite.getByLabel(l.ris).textContent())!;
      expect(ris.split(/\r?\n/)[0]).toBe('TY  - ELEC');
      expect(ris).toContain(`ID  - ${id}`);
      // Every address on the page's citations is the configured origin, never the Host asked.
      expect(bib).toContain(`url = {${new URL(baseURL!).origin}/${l.locale}/persons/demo-arash-example-${id}}`);
      // A <script>'s text is not matched by hasText: read them all and take the page's own.
      const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
      const ld = scripts.map((x) => JSON.parse(x) as Record<string, unknown>).find((x) => x['@type'] === 'ProfilePage')!;
      expect(ld).toMatchObject({ '@type': 'ProfilePage', identifier: id, isPartOf: { '@type': 'Collection' } });
      expect(ld.dateModified as string).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const link = page.getByRole('link', { name: l.permalink }).first();
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(new RegExp(`/${l.locale}/testimonies/[0-9a-f-]{36}$`));
      await page.goto(new URL(href).pathname);
      await expect(page).toHaveURL(new RegExp(`/${l.locale}/persons/demo-arash-example-${id}#testimony-${href.slice(-36)}$`));
    });
  }

  test('a Persian search with Arabic letters finds the person', async ({ page }) => {
    await page.goto(`/fa/search?q=${encodeURIComponent('كيان')}`);
    await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('کیان نمونه‌زاده');
  });

  test('filter, then paginate with plain links', async ({ page }) => {
    await page.goto('/en/search?children=1');
    await expect(page.getByTestId('result-count')).toHaveText('2 people found');
    await page.goto('/en/search?limit=4&sort=name');
    // Other journeys publish persons before this one (the submitter journeys one each, moderation
    // tests a few): the demo's nine or more, at least two full pages of four.
    const found = Number(/(\d+) people found/.exec((await page.getByTestId('result-count').textContent()) ?? '')?.[1]);
    expect(found).toBeGreaterThanOrEqual(9);
    const shown = () => page.getByRole('main').locator('a[href*="/en/persons/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const firstPage = await shown();
    expect(firstPage).toHaveLength(4);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/[?&]cursor=[\w-]+/);
    const secondPage = await shown();
    expect(secondPage).toHaveLength(4);
    expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
    await page.getByRole('link', { name: 'First page' }).click();
    expect(await shown()).toEqual(firstPage);
    // A mangled cursor is the first page, not an error.
    const response = await page.goto('/en/search?limit=4&sort=name&cursor=bm90LWEtY3Vyc29y');
    expect(response?.status()).toBe(200);
    expect(await shown()).toEqual(firstPage);
    await page.goto('/en/search?q=nobody-by-this-name');
    await expect(page.getByText('No one matches this search.')).toBeVisible();
  });

  test('a wrong slug redirects to the canonical URL; unpublished and unknown ids are the same 404', async ({ page, request }) => {
    await page.goto('/en/search?q=Arash');
    const href = (await page.getByRole('main').getByRole('listitem').first().getByRole('link').getAttribute('href'))!;
    const id = href.slice(-36);
    await page.goto(`/en/persons/wrong-slug-${id}`);
    await expect(page).toHaveURL(new RegExp(`${href}$`));

    const search = await request.get('/en/search?q=Mina');
    expect(await search.text()).not.toContain('Mina Example');
    const unpublished = ['demo-mina-example', 'demo-parisa-example'].map((slug) => `/en/persons/${slug}-${demoPersonId(slug)}`);
    const unknown = ['/en/persons/demo-mina-example-00000000-0000-4000-8000-000000000000', '/en/persons/nothing'];
    for (const path of [...unpublished, ...unknown]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    }
  });
});

// axe runs inside the page, so these pages are checked with JavaScript on.
test.describe('accessibility', () => {
  for (const locale of ['fa', 'en'] as const) {
    test(`axe: home, search and person pages in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await axe(page);
      await page.goto(`/${locale}/search?q=arash&children=1`);
      await axe(page);
      await page.goto(`/${locale}/search`);
      await page.getByRole('main').getByRole('listitem').first().getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await axe(page);
    });
  }
});

test('the home page links its Atom feed for feed readers, in each language', async ({ page, request }) => {
  for (const locale of ['fa', 'en']) {
    await page.goto(`/${locale}`);
    const feed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(feed).toHaveAttribute('href', `/${locale}/feed.xml`);
    expect((await request.get(`/${locale}/feed.xml`)).headers()['content-type']).toContain('atom');
  }
});
