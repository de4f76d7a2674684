// Script injection (issue 7; heavy: runs in `npm run test:security`): 100+ payloads stored in every free-text field (seeded straight into
// the database of a second server on the same production build), rendered in every place they
// appear — public person pages, search, API, feed, CSV, My testimonies, draft steps, the moderation
// queue, review and staff person pages — in Chromium. Target: 0 executed (`window.__xss` stays
// unset, no dialog), 0 injected elements (event-handler attributes, frames, script URLs), 0 5xx.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { demoPassphrase, signIn, signInAsStaff } from '../support/accounts';
import { appServer, e2eAuthSecret } from '../support/app-server';
import type { SeededPages } from './seed-payloads';
import { xssPayloads } from './xss-payloads';

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const dataDir = `.data-e2e-xss-${port}`;
const server = appServer(port, { YADMAN_DATA_DIR: dataDir });
const injected =
  '[onerror],[onload],[onfocus],[onmouseover],[ontoggle],[onbegin],[onstart],[onclick],iframe,object,embed,base,' +
  'svg script,a[href^="javascript:" i],a[href^="data:" i],a[href^="vbscript:" i],[formaction],meta[http-equiv]';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: server.baseURL });

let seeded: SeededPages;
type Visit = { path: string; status: number; executed: boolean; injected: number; shown: boolean };
const visits: Visit[] = [];

test.beforeAll(async () => {
  test.setTimeout(600_000); // seeding and a cold server start on a busy 2-core machine
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The seed finishes (and releases the embedded database) before the server opens it.
  const env = { ...process.env, YADMAN_DATA_DIR: dataDir, AUTH_SECRET: e2eAuthSecret };
  const out = execFileSync('npx', ['tsx', 'e2e/security/seed-payloads.ts'], { env, encoding: 'utf8' });
  seeded = JSON.parse(out.trim().split('\n').pop()!) as SeededPages;
  await server.start(400_000);
});

test.afterAll(async () => {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a page and reports whether anything ran or was injected, and whether the seeded text is shown. */
async function visit(page: Page, path: string, marker?: string): Promise<Visit> {
  const dialogs: string[] = [];
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  const response = await page.goto(path);
  await page.waitForLoadState('load');
  await page.mouse.move(200, 200);
  await page.waitForTimeout(150); // error and focus handlers fire after load
  const seen = await page.evaluate(
    ({ selector, marker }) => ({
      executed: (window as unknown as { __xss?: unknown }).__xss !== undefined,
      injected: document.querySelectorAll(selector).length,
      // Form fields (draft steps, staff edit forms) hold the text as values, not as page text.
      shown:
        !marker ||
        (document.body?.innerText ?? document.documentElement.textContent ?? '').includes(marker) ||
        [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].some((field) => field.value.includes(marker)),
    }),
    { selector: injected, marker },
  );
  page.off('dialog', onDialog);
  const result = { path, status: response?.status() ?? 0, ...seen, executed: seen.executed || dialogs.length > 0 };
  visits.push(result);
  return result;
}

async function visitAll(page: Page, paths: [string, string?][]) {
  const bad: Visit[] = [];
  for (const [path, marker] of paths) {
    const v = await visit(page, path, marker);
    if (v.executed || v.injected || v.status >= 500 || !v.shown) bad.push(v);
  }
  expect(bad).toEqual([]);
}

const personPath = (p: { id: string; slug: string }) => `/en/persons/${p.slug}-${p.id}`;

test('public pages, API and feed render every payload as text', async ({ page }) => {
  test.setTimeout(300_000);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
  await visitAll(page, [
    ['/en'],
    ['/fa'],
    ...seeded.persons.map((p, i): [string, string?] => [personPath(p), seeded.markers[i]]),
    ...seeded.persons.slice(0, 2).map((p, i): [string, string?] => [personPath(p).replace('/en/', '/fa/'), seeded.markers[i]]),
    ['/en/search?q=XSSCHUNK1', 'XSSCHUNK1'],
    // The text searched for, echoed in the form and the page's payload: spliced by the public cache
    // into the search page's shell (lib/public-cache/search-shell.mjs).
    ...xssPayloads.filter((_, i) => i % 4 === 0).map((payload): [string, string?] => [`/fa/search?q=${encodeURIComponent(payload)}`]),
    ['/en/statistics'],
    ['/api/v1/persons', 'XSSCHUNK0'],
    ['/api/v1/testimonies', 'XSSCHUNK0'],
    [`/api/v1/persons/${seeded.persons[0]!.id}`, 'XSSCHUNK0'],
    ['/en/feed.xml'],
    ['/fa/feed.xml'],
  ]);
});

test('CSV and JSON downloads are served as data, never as a page', async ({ request }) => {
  for (const [path, type] of [['/api/v1/persons.csv', /^text\/csv/], ['/api/v1/testimonies.csv', /^text\/csv/], ['/api/v1/persons.json', /^application\/json/], ['/api/v1/testimonies.json', /^application\/json/]] as const) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(type);
    expect(await response.text()).toContain('XSSCHUNK0');
  }
});

test('the submitter’s pages (My testimonies, drafts) render every payload as text', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'demo-submitter', demoPassphrase);
  await expect(page).toHaveURL(/\/en\/account/);
  await visitAll(page, [
    ['/en/my-testimonies'],
    ...[...seeded.published, ...seeded.submitted].map((id, i): [string, string?] => [`/en/my-testimonies/${id}`, seeded.markers[i % seeded.markers.length]]),
    ...seeded.drafts.flatMap((id, i) => (['about', 'account', 'consent', 'review'] as const).map((step): [string, string?] => [`/en/submit/${id}/${step}`, step === 'review' ? undefined : seeded.markers[i]])),
  ]);
});

test('the moderation queue, review and staff person pages render every payload as text', async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsStaff(page, 'demo-moderator', '/en/staff');
  await visitAll(page, [
    ['/en/staff'],
    ...[...seeded.submitted, ...seeded.published].map((id, i): [string, string?] => [`/en/staff/testimonies/${id}`, seeded.markers[i % seeded.markers.length]]),
    ['/en/staff/persons'],
    ...seeded.persons.map((p, i): [string, string?] => [`/en/staff/persons/${p.id}`, seeded.markers[i]]),
  ]);
});

test.afterAll(() => {
  const executed = visits.filter((v) => v.executed).length;
  const injectedCount = visits.reduce((sum, v) => sum + v.injected, 0);
  const errors = visits.filter((v) => v.status >= 500).length;
  recordFigure({ figure: `XSS payloads executed (${xssPayloads.length} payloads, ${visits.length} pages)`, measured: executed, target: '0', ok: executed === 0 && visits.length > 0 });
  recordFigure({ figure: 'elements injected by XSS payloads', measured: injectedCount, target: '0', ok: injectedCount === 0 });
  recordFigure({ figure: '5xx answers while rendering XSS payloads', measured: errors, target: '0', ok: errors === 0 });
});
