// GET changes nothing (issue 7, CSRF/origin), for pages: every page of the app is loaded in
// Chromium by the people who may see it — anonymous, a submitter, an admin (through TOTP) — on a
// PostgreSQL database whose every table is hashed before and after. The route handlers' GETs are
// proved by lib/security/csrf.security.integration.test.ts; pages render in the server process, so
// this runs a second server on PostgreSQL, where the test can read the database while it serves.
// What a read may write is stated once, table by table, in `readSideEffects` (lib/testing/digest.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { createDb, type DbHandle } from '../../db/client';
import { demoPersonId } from '../../lib/seed/demo-persons';
import { changedTables, databaseDigest, readSideEffects } from '../../lib/testing/digest';
import { queryRows } from '../../lib/testing/query-rows';
import { createPostgresDatabase } from '../../lib/testing/scratch-database';
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { demoPassphrase, signIn, signInAsStaff } from '../support/accounts';
import { appServer, type AppServer } from '../support/app-server';

const adminUrl = process.env.TEST_DATABASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100) + 60;
// As e2e/support/app-server.ts serves it (AUTH_URL too): cookies are per host name.
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = `.data-e2e-get-pages-${port}`;

test.skip(!adminUrl, 'needs TEST_DATABASE_URL (a PostgreSQL server); npm run test:security sets it');
test.describe.configure({ mode: 'serial' });
test.use({ baseURL });

let server: AppServer | undefined;
let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
let handle: DbHandle | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createPostgresDatabase(adminUrl!, 'yadman_get_pages');
  fs.rmSync(dataDir, { recursive: true, force: true });
  // YADMAN_DEMO seeds the demo collection and accounts on first start.
  server = appServer(port, { DATABASE_URL: database.url, YADMAN_DEMO: 'true', YADMAN_DATA_DIR: dataDir });
  await server.start(240_000);
  handle = await createDb({ driver: 'postgres', url: database.url, max: 1, migrate: false });
});

test.afterAll(async () => {
  await server?.stop();
  await handle?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every page route of app/, as a pattern over URL paths (route groups dropped, [segments] any). */
function pageRoutes(): { file: string; pattern: RegExp }[] {
  return fs
    .readdirSync('app', { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'page.tsx')
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
      const pattern = segments.map((s) => (/^\[.*\]$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
      return { file, pattern: new RegExp(`^/${pattern}$`) };
    });
}

async function ids(query: ReturnType<typeof sql>): Promise<string[]> {
  return (await queryRows<{ id: string }>(handle!.db, query)).map((r) => r.id);
}

async function signedInPage(browser: Browser, signInAs: (page: Page) => Promise<void>): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(page);
  return page;
}

test('loading every page, as anyone, a submitter and an admin, changes nothing in the database', async ({ page, browser }) => {
  test.setTimeout(600_000);
  const db = handle!.db;
  const submitter = await signedInPage(browser, async (p) => {
    await signIn(p, 'demo-submitter', demoPassphrase);
    await expect(p).toHaveURL(/\/en\/account/);
  });
  const admin = await signedInPage(browser, (p) => signInAsStaff(p, 'demo-admin', '/en/staff'));

  const published = await ids(sql`select slug || '-' || id as id from persons where status = 'published' order by slug limit 3`);
  const anyPersons = await ids(sql`select id from persons order by slug limit 4`);
  const ownTestimonies = await ids(sql`select t.id from testimonies t join users u on u.id = t.submitter_id where u.username = 'demo-submitter' order by t.created_at`);
  const ownDrafts = await ids(sql`select t.id from testimonies t join users u on u.id = t.submitter_id where u.username = 'demo-submitter' and t.status = 'draft'`);
  const anyTestimonies = await ids(sql`select id from testimonies where status <> 'draft' order by created_at`);
  expect(published.length).toBeGreaterThan(0);
  expect(ownDrafts.length).toBeGreaterThan(0);

  const visits: [Page, string][] = [
    ...['/en', '/fa', '/en/data', '/fa/data', '/en/search?q=farhad', '/fa/search?q=فرهاد', '/en/statistics', '/fa/statistics', '/en/sign-in', '/en/sign-up', '/en/two-factor', '/en/account', '/en/invite/not-a-real-invitation'].map((p): [Page, string] => [page, p]),
    ...published.flatMap((slugAndId): [Page, string][] => [[page, `/en/persons/${slugAndId}`], [page, `/fa/persons/${slugAndId}`]]),
    [page, `/en/persons/demo-farhad-example-${demoPersonId('demo-farhad-example')}`],
    ...['/en/account', '/en/my-testimonies', '/en/submit', '/en/notifications', '/fa/notifications'].map((p): [Page, string] => [submitter, p]),
    // Set-up page views only read: the secret comes from its "set up" POST (the submitter has no TOTP).
    [submitter, '/en/account/two-factor'],
    [admin, '/en/account/two-factor'],
    ...ownTestimonies.map((id): [Page, string] => [submitter, `/en/my-testimonies/${id}`]),
    ...ownDrafts.flatMap((id) => ['about', 'account', 'files', 'consent', 'review'].map((step): [Page, string] => [submitter, `/en/submit/${id}/${step}`])),
    ...['/en/staff', '/en/staff?status=submitted', '/en/staff?status=in_review', '/en/staff/persons', '/en/staff/audit', '/en/staff/collections', '/en/staff/import', '/en/staff/import/00000000-0000-4000-8000-000000000000', '/en/staff/invitations', '/en/staff/settings', '/en/staff/users', '/fa/staff'].map((p): [Page, string] => [admin, p]),
    ...anyPersons.map((id): [Page, string] => [admin, `/en/staff/persons/${id}`]),
    ...anyTestimonies.map((id): [Page, string] => [admin, `/en/staff/testimonies/${id}`]),
  ];

  const before = await databaseDigest(db, readSideEffects);
  const errors: string[] = [];
  for (const [viewer, url] of visits) {
    const response = await viewer.goto(url);
    if (!response || response.status() >= 500) errors.push(`${url}: ${response?.status()}`);
  }
  const changed = changedTables(before, await databaseDigest(db, readSideEffects));

  const routes = pageRoutes();
  const visitedPaths = visits.map(([, url]) => new URL(url, baseURL).pathname);
  const unvisited = routes.filter((r) => !visitedPaths.some((p) => r.pattern.test(p))).map((r) => r.file);
  recordFigure({ figure: `tables changed by loading pages (${visits.length} loads of ${routes.length} page routes)`, measured: changed.length, target: '0', ok: changed.length === 0 && unvisited.length === 0 });
  expect(unvisited).toEqual([]);
  expect(errors).toEqual([]);
  expect(changed).toEqual([]);
});
