// Database outage (issue 7, "Reliability"; heavy: runs in `npm run test:security`). A second
// `next start` of the e2e build runs on a private PostgreSQL cluster (lib/testing/private-postgres.ts
// — never the machine's shared server), which is stopped (`pg_ctl stop -m immediate`) while a
// submitter is writing. Targets: the form says "try again" in the user's language and keeps what
// was typed (with JavaScript, and without: the re-rendered step gives back what was posted); pages that read the database show the translated error page, with no stack trace, SQL
// or error text; after the database returns the app works again by itself within 30 s.
import { recordFigure } from '../../lib/testing/security-figures';
import { createPrivateCluster, type PrivateCluster } from '../../lib/testing/private-postgres';
import { expect, test } from '../fixtures';
import { demoPassphrase, signIn, unique } from '../support/accounts';
import { appServer, type AppServer } from '../support/app-server';
import { en, fillAbout, fillAccount, signUp } from '../support/submission';

const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const clusterPort = 55433 + ((port - 3160) % 5);
const database = 'yadman_outage';
// Things a leaked error shows: stack frames, SQL, driver codes, the database address.
const leaks = /\bat [\w.<>]+ \(|ECONNREFUSED|CONNECTION_|select |insert |postgres:\/\/|127\.0\.0\.1:\d+|node_modules/i;

let cluster: PrivateCluster;
let server: AppServer;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${port}` });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = createPrivateCluster(clusterPort);
  cluster.start();
  const { default: postgres } = await import('postgres');
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  await admin.end();
  // Demo data: a collection that accepts testimonies (the sign-up below is a fresh submitter).
  server = appServer(port, { DATABASE_URL: cluster.url(database), YADMAN_DEMO: 'on' });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  cluster?.remove();
});

test('while the database is down: "try again", nothing typed lost, an error page; back within 30 s', async ({ page, context, browser }) => {
  test.setTimeout(240_000);
  await signUp(page, unique('outage'));
  await page.goto('/en/submit');
  await page.getByRole('button', { name: en.start }).click();
  await fillAbout(page, en, 'Outage Testi');
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  const narrative = 'He left home at noon; the database went down while I wrote this.';
  await fillAccount(page, en, narrative);
  // The same person in a browser without JavaScript, on the same step of the same draft.
  const noJs = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
  await noJs.addCookies(await context.cookies());
  const noJsPage = await noJs.newPage();
  await noJsPage.goto(page.url());
  const noJsNarrative = 'Typed without JavaScript while the database was down.';
  await noJsPage.getByRole('textbox', { name: en.narrative, exact: true }).fill(noJsNarrative);
  // And the demo submitter, without JavaScript, answering the moderators' question.
  const replier = await (await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false })).newPage();
  await signIn(replier, 'demo-submitter', demoPassphrase, '/en/my-testimonies');
  await replier.getByRole('link', { name: /Leila|لیلا/ }).first().click();
  const testimonyUrl = replier.url();
  const reply = 'She was last seen on the Saturday, typed while the database was down.';
  await replier.getByRole('textbox', { name: 'Your answer' }).fill(reply);

  cluster.stopImmediately();
  // With JavaScript: the form stays, says why, and keeps every value.
  await page.getByRole('button', { name: en.next, exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'We cannot reach our database right now' });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('textbox', { name: en.narrative, exact: true })).toHaveValue(narrative);
  await expect(page.getByLabel(en.relationship)).toHaveValue('mother');
  expect(await page.locator('body').innerText()).not.toMatch(leaks);

  // Without JavaScript: the page comes back after the post with the notice and what was typed.
  await noJsPage.getByRole('button', { name: en.next, exact: true }).click();
  await expect(noJsPage.getByRole('alert').filter({ hasText: 'We cannot reach our database right now' })).toBeVisible();
  await expect(noJsPage.getByRole('textbox', { name: en.narrative, exact: true })).toHaveValue(noJsNarrative);
  expect(await noJsPage.locator('body').innerText()).not.toMatch(leaks);
  // Opened afresh (nothing posted), the step shows only the notice: an empty form could overwrite the saved answers.
  await noJsPage.goto(page.url());
  await expect(noJsPage.getByRole('alert').filter({ hasText: 'We cannot reach our database right now' })).toBeVisible();
  await expect(noJsPage.getByRole('textbox', { name: en.narrative, exact: true })).toHaveCount(0);
  await noJs.close();
  // The same for an answer to the moderators.
  await replier.getByRole('button', { name: 'Send answer' }).click();
  await expect(replier.getByRole('alert').filter({ hasText: 'We cannot reach our database right now' })).toBeVisible();
  await expect(replier.getByRole('textbox', { name: 'Your answer' })).toHaveValue(reply);
  expect(await replier.locator('body').innerText()).not.toMatch(leaks);
  await replier.goto(testimonyUrl);
  await expect(replier.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  await replier.context().close();

  // A page that reads the database: the translated error page, in both languages, nothing leaked.
  const pageStatuses: number[] = [];
  for (const [path, title] of [
    ['/en/my-testimonies', 'This page cannot be shown right now'],
    ['/fa/my-testimonies', 'این صفحه در این لحظه نمایش داده نمی‌شود'],
  ] as const) {
    const errorPage = await context.newPage();
    const response = await errorPage.goto(path);
    pageStatuses.push(response?.status() ?? 0);
    await expect(errorPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await errorPage.content()).not.toMatch(leaks);
    await errorPage.close();
  }
  expect(pageStatuses.every((status) => status >= 500)).toBe(true);
  // The health check says so too (the load balancer's signal).
  expect((await page.request.get('/api/health')).status()).toBe(503);

  // The database returns: the app must work again by itself (no restart), within 30 s.
  cluster.start();
  const back = Date.now();
  let recoveredAfterMs = Number.POSITIVE_INFINITY;
  for (let tries = 0; tries < 120; tries++) {
    const [health, mine] = await Promise.all([page.request.get('/api/health'), page.request.get('/en/my-testimonies')]);
    if (health.status() === 200 && mine.status() === 200) {
      recoveredAfterMs = Date.now() - back;
      break;
    }
    await page.waitForTimeout(250);
  }
  const seconds = Math.round(recoveredAfterMs / 100) / 10;
  recordFigure({ figure: 'database outage: recovery after the database returns', measured: `${seconds} s`, target: '≤ 30 s', ok: seconds <= 30 });
  expect(seconds).toBeLessThanOrEqual(30);

  // The same form, untouched since the failure, now saves.
  await page.getByRole('button', { name: en.next, exact: true }).click();
  await expect(page).toHaveURL(/\/files$/);
  expect(server.output()).not.toContain(narrative);
});
