// Statistics and open data as a reader sees them: with JavaScript off (Tor Browser "Safest"),
// on the demo data (the e2e server seeds it), and with no request leaving the origin (fixtures).
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, test } from './fixtures';

const locales = [
  { locale: 'fa', title: 'آمار', mapTitle: 'افراد ثبت‌شده در اینجا، به تفکیک استان', credit: 'OpenStreetMap' },
  { locale: 'en', title: 'Statistics', mapTitle: 'People documented here, by province', credit: '© OpenStreetMap contributors' },
] as const;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const l of locales) {
    test(`statistics (${l.locale}): the province map and every data table are shown, with CSV links`, async ({ page }) => {
      await page.goto(`/${l.locale}/statistics`);
      await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
      const map = page.getByRole('img', { name: l.mapTitle });
      await expect(map).toBeVisible();
      await expect(map.locator('path')).toHaveCount(31);
      await expect(page.getByText(l.credit)).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(5);
      for (const table of await page.getByRole('table').all()) await expect(table).toBeVisible();
      // The first demo days: Tehran's demo person is in the province table.
      const csvLinks = page.locator('a[href$=".csv"]');
      await expect(csvLinks).toHaveCount(5);
    });
  }

  test('the data page downloads all persons as CSV: BOM, header and a demo row', async ({ page }) => {
    await page.goto('/en/data');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'All persons (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('yadman-persons.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, ...rows] = text.trim().split('\r\n');
    // The original 18 columns first, then the rest of the full public record.
    expect(header).toMatch(
      /^id,name_fa,name_latin,gender,age,incident_date,incident_date_precision,province_code,province_fa,province_en,city,outcome,perpetrator,verification,collection,published_at,url_fa,url_en,slug,/,
    );
    for (const column of ['father_name_fa', 'other_names', 'birth_year', 'occupation', 'cause', 'aftermath', 'source_urls']) expect(header!.split(',')).toContain(column);
    const arash = rows.find((r) => r.includes('Arash Example (demo)'));
    expect(arash).toContain('آرش نمونه‌زاده (نمونه)');
    expect(arash).toContain(',IR-23,تهران,Tehran,Tehran,killed,irgc,verified,aban-1398,');
    // Draft and hidden demo persons are not published.
    expect(text).not.toContain('Mina Example');
    expect(text).not.toContain('Parisa Example');
  });

  for (const locale of ['en', 'fa'] as const) {
    test(`the data page (${locale}) documents every CSV column and JSON field the files have, and the dataset`, async ({ page, request }) => {
      await page.goto(`/${locale}/data`);
      const fields = page.getByRole('region', { name: locale === 'en' ? 'Fields' : 'فیلدها' });
      const documented = new Set((await fields.locator('code').allTextContents()).map((x) => x.trim()));
      const header = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      const files = {
        persons: await request.get('/api/v1/persons.json').then((r) => r.json()),
        testimonies: await request.get('/api/v1/testimonies.json').then((r) => r.json()),
        retracted: await request.get('/api/v1/retracted').then((r) => r.json()),
      };
      const names = [
        ...header(await request.get('/api/v1/persons.csv').then((r) => r.text())),
        ...header(await request.get('/api/v1/testimonies.csv').then((r) => r.text())),
        ...header(await request.get('/api/v1/retracted.csv').then((r) => r.text())),
        ...Object.keys(files.persons),
        ...Object.keys(files.persons.persons[0]),
        ...Object.keys(files.testimonies),
        ...Object.keys(files.testimonies.testimonies[0]),
        ...Object.keys(files.retracted),
      ];
      expect(names.filter((n) => !documented.has(n))).toEqual([]);
      // A <script>'s text is not matched by hasText: read them all and take the Dataset.
      const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
      const ld = scripts.map((x) => JSON.parse(x) as { '@type': string; distribution: unknown[] }).find((x) => x['@type'] === 'Dataset')!;
      expect(ld).toMatchObject({ '@type': 'Dataset', license: 'https://creativecommons.org/licenses/by/4.0/' });
      expect(ld.distribution.length).toBeGreaterThanOrEqual(4);
      await expect(page.getByLabel(locale === 'en' ? 'BibTeX entry for the dataset' : 'مدخل BibTeX برای کل داده‌ها')).toContainText('@misc{yadman-open-data,');
      await expect(page.getByRole('region', { name: locale === 'en' ? 'Licence and citation' : 'پروانه و شیوهٔ ارجاع' })).toContainText(locale === 'en' ? 'testimonies' : 'روایت‌ها');
    });
  }

  test('a statistics CSV downloads with labels in the page language', async ({ page }) => {
    const response = await page.request.get('/fa/statistics/provinces.csv');
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = (await response.body()).toString('utf8');
    expect(text).toContain('IR-23,تهران,1');
  });
});

test('the JSON API lists published persons with pagination', async ({ request }) => {
  const response = await request.get('/api/v1/persons?limit=5&province=IR-23');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers()['cache-control']).toMatch(/^public, max-age=\d+/);
  const body = await response.json();
  expect(body.pagination).toEqual({ limit: 5, total: 1, more: false, next: null });
  expect(body.data[0]).toMatchObject({ nameLatin: 'Arash Example (demo)', province: 'IR-23', outcome: 'killed' });
  const unknown = await request.get('/api/v1/persons/00000000-0000-4000-8000-000000000000');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: 'not_found' });
  const testimonies = await (await request.get('/api/v1/testimonies?limit=1')).json();
  expect(testimonies.pagination.total).toBeGreaterThanOrEqual(1);
  const openapi = await request.get('/api/v1/openapi.json');
  expect((await openapi.json()).openapi).toBe('3.1.0');
});

for (const l of locales) {
  test(`axe finds no WCAG 2.1 AA violations on /${l.locale}/statistics and /${l.locale}/data`, async ({ page }) => {
    for (const path of [`/${l.locale}/statistics`, `/${l.locale}/data`]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(results.violations, path).toEqual([]);
    }
  });
}
