// The static mirror read as a reader would: exported from the demo memorial, opened from file://
// in Chromium with JavaScript disabled and every request outside the folder blocked, every link
// of every page followed in both languages (issue 22). The export runs in its own embedded
// database, so this needs nothing from the app server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
let tmp = '';
let out = '';
let base = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-e2e-'));
  out = path.join(tmp, 'copy');
  // Its own embedded database, whatever the suite's environment names.
  const env: NodeJS.ProcessEnv = { ...process.env, YADMAN_DATA_DIR: path.join(tmp, 'db') };
  delete env.DATABASE_URL;
  for (const [cmd, args] of [
    ['npx', ['tsx', 'scripts/db-seed.ts', '--demo']],
    ['npm', ['run', '-s', 'mirror:export', '--', '--out', out]],
  ] as const) {
    const run = spawnSync(cmd, [...args], { cwd: root, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
  base = pathToFileURL(out).href + '/';
});

test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Blocks every request that is not a file of the copy, and records it. */
async function sealed(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return outside;
}

const fileOf = (url: string) => decodeURIComponent(new URL(url).pathname);

test('every link of the copy works from file:// without JavaScript, and nothing leaves the folder', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const outside = await sealed(context);
  const page = await context.newPage();
  const failed: string[] = [];
  // A file that is not there fails as net::ERR_FILE_NOT_FOUND; a font or icon still loading when the
  // walk moves to the next page is cancelled (net::ERR_ABORTED), which says nothing about the copy.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  const queue = [`${base}index.html`];
  const seen = new Set(queue);
  const broken: string[] = [];
  const external: string[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    await page.goto(url);
    const refs = await page.locator('a[href], link[href], img[src], script[src]').evaluateAll((els) =>
      els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src),
    );
    for (const ref of refs) {
      const target = ref.split('#')[0]!.split('?')[0]!;
      if (!target.startsWith('file:')) {
        external.push(`${url} → ${ref}`);
        continue;
      }
      if (!target.startsWith(base) || !fs.existsSync(fileOf(target))) broken.push(`${url} → ${ref}`);
      else if (target.endsWith('.html') && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(external).toEqual([]);
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
  // Both languages, every person page (the demo memorial publishes 9 persons) and the lists.
  const pages = [...seen].map((u) => u.slice(base.length));
  for (const locale of ['fa', 'en']) {
    expect(pages.filter((p) => p.startsWith(`${locale}/p/`))).toHaveLength(9);
    expect(pages).toEqual(expect.arrayContaining([`${locale}/index.html`, `${locale}/statistics.html`, `${locale}/about.html`, `${locale}/browse/index.html`]));
  }
  await context.close();
});

async function firstPerson(page: Page, locale: string) {
  await page.goto(`${base}${locale}/browse/index.html`);
  await page.getByRole('link', { name: /\(/ }).first().click();
  await page.locator('main ul a').first().click();
  return page.url();
}

test('home, a person page, a browse page and statistics pass axe in both languages', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const outside = await sealed(context);
  const page = await context.newPage();
  for (const locale of ['fa', 'en']) {
    const person = await firstPerson(page, locale);
    for (const url of [`${base}${locale}/index.html`, person, `${base}${locale}/browse/date/${locale === 'fa' ? '1398-08' : '2019-11'}/1.html`, `${base}${locale}/statistics.html`]) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(results.violations, url).toEqual([]);
    }
  }
  expect(outside).toEqual([]);
  await context.close();
});

test('with JavaScript, the copy finds a person by another spelling', async ({ browser }) => {
  const context = await browser.newContext();
  const outside = await sealed(context);
  const page = await context.newPage();
  await page.goto(`${base}en/search.html`);
  for (const query of ['Shireen', 'شيرين' /* Arabic yeh */, 'shirin  EXAMPLE']) {
    await page.getByLabel('Name, in any spelling').fill(query);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#mirror-results')).toContainText('One person found.');
    await expect(page.locator('#mirror-results a')).toHaveText('Shirin Example (demo)');
  }
  await page.locator('#mirror-results a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shirin Example (demo)');
  await page.goto(`${base}fa/search.html`);
  await page.getByLabel('نام، با هر املایی').fill('شيرين');
  await page.getByRole('button', { name: 'جست‌وجو' }).click();
  await expect(page.locator('#mirror-results a')).toHaveText('شیرین نمونه‌زاده (نمونه)');
  expect(outside).toEqual([]);
  await context.close();
});

test('the Kiwix (ZIM) package passes zimcheck and holds the same person page', async ({ browser }) => {
  test.setTimeout(120_000);
  const zim = path.join(path.dirname(out), 'yadman.zim');
  const pack = spawnSync('npm', ['run', '-s', 'mirror:zim', '--', out, '--out', zim], { cwd: root, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const check = spawnSync('zimcheck', [zim], { encoding: 'utf8' });
  expect(check.stdout + check.stderr).toContain('Overall Test Status: Pass');
  expect(check.status).toBe(0);
  expect(fs.readFileSync(path.join(out, 'MANIFEST.txt'), 'utf8')).toMatch(/^zim: [0-9a-f]{64} {2}\d+ {2}yadman\.zim$/m);
  const page = path.relative(out, (await firstPersonFile('fa'))).split(path.sep).join('/');
  const dumped = spawnSync('zimdump', ['show', `--url=${page}`, zim]);
  expect(dumped.status).toBe(0);
  // The same page, read as text in a browser from both: identical.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await sealed(context);
  const reader = await context.newPage();
  await reader.goto(base + page);
  const fromFolder = await reader.locator('main').innerText();
  await reader.setContent(dumped.stdout.toString('utf8'));
  expect(await reader.locator('main').innerText()).toBe(fromFolder);
  expect(fromFolder.length).toBeGreaterThan(100);
  await context.close();
});

async function firstPersonFile(locale: string): Promise<string> {
  const dir = path.join(out, locale, 'p');
  const shard = fs.readdirSync(dir).sort()[0]!;
  return path.join(dir, shard, fs.readdirSync(path.join(dir, shard)).sort()[0]!);
}
