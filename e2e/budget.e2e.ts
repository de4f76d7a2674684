// The weight of a first visit (PRODUCT.md §6): everything a person page makes the browser fetch —
// HTML, CSS, JavaScript, fonts, prefetches — counted as compressed bytes on the wire (headers
// included), with an empty cache, in both languages, must stay within 200 KB; the portrait is
// excluded. Every request must go to the site itself.
import { demoPersonId } from '../lib/seed/demo-persons';
import { expect, test } from './fixtures';

const budgetBytes = 200 * 1024;
const personPath = (locale: string) => `/${locale}/persons/demo-arash-example-${demoPersonId('demo-arash-example')}`;

for (const locale of ['fa', 'en'] as const) {
  // Each test has a new browser context (no cache, no cookies): a first visit.
  test(`a first visit to a person page (${locale}) transfers at most 200 KB, all from the site`, async ({ page, baseURL }) => {
    const finished: Array<Promise<{ url: string; bytes: number }>> = [];
    page.on('requestfinished', (request) => {
      finished.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseHeadersSize + s.responseBodySize })));
    });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));

    const response = await page.goto(personPath(locale));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-encoding'], 'the HTML is compressed').toMatch(/gzip|br|zstd/);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');

    const requests = await Promise.all(finished);
    const counted = requests.filter((r) => !new URL(r.url).pathname.startsWith('/media/'));
    const total = counted.reduce((sum, r) => sum + r.bytes, 0);
    const byKind = new Map<string, number[]>();
    for (const r of counted) byKind.set(kindOf(r.url), [...(byKind.get(kindOf(r.url)) ?? []), r.bytes]);
    const summary = [...byKind].map(([kind, sizes]) => `${kind} ${sizes.length} = ${sizes.reduce((a, b) => a + b, 0)} B`);
    test.info().annotations.push({ type: `bytes (${locale})`, description: `${total} B: ${summary.join(', ')}` });
    console.log(`[budget ${locale}] ${total} B in ${counted.length} requests: ${summary.join(', ')}`);

    expect(failed).toEqual([]);
    expect(requests.map((r) => new URL(r.url).origin).filter((o) => o !== new URL(baseURL!).origin)).toEqual([]);
    expect(requests.some((r) => kindOf(r.url) === 'font'), 'the self-hosted font is part of the count').toBe(true);
    expect(total).toBeLessThanOrEqual(budgetBytes);
  });
}

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (/\.woff2?$/.test(path)) return 'font';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.js')) return 'js';
  return 'document/data';
}
