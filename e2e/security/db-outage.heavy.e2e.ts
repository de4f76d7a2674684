// Database outage (issue 7, "Reliability"; heavy: runs in `npm run test:security`). A second
// `next start` of the e2e build runs on a private PostgreSQL cluster (lib/testing/private-postgres.ts
// — never the machine's shared server), which is stopped (`pg_ctl stop -m immediate`) while a
// submitter, a moderator and someone answering the moderators are writing. Targets: with JavaScript
// the form says "try again" in the user's language and keeps what was typed; without JavaScript the
// post is answered by the outage page (proxy.ts), which gives back what was typed and sends it again
// once the database is back; pages answer a translated 503 with Retry-After, readable without
// JavaScript, with no stack trace, SQL or error text; the app works again by itself within 30 s.
import { recordFigure } from '../../lib/testing/security-figures';
import { createPrivateCluster, type PrivateCluster } from '../../lib/testing/private-postgres';
import { expect, test } from '../fixtures';
import { demoPassphrase, signIn, signInAsStaff, unique } from '../support/accounts';
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

test('while the database is down: "try again", nothing typed lost, a 503 page; back within 30 s', async ({ page, context, browser }) => {
  test.setTimeout(300_000);
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
  // And a moderator, without JavaScript, writing an internal note on a testimony under review.
  const moderator = await (await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false })).newPage();
  await signInAsStaff(moderator, 'demo-moderator', '/en/staff');
  await moderator.getByRole('table').getByRole('link').first().click();
  const reviewUrl = moderator.url();
  const note = 'Checked against the hospital list; typed while the database was down.';
  await moderator.getByRole('textbox', { name: 'Add a note' }).fill(note);
  // And someone who will sign out while the database is down.
  const leaver = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signUp(leaver, unique('leaver'));

  cluster.stopImmediately();
  // With JavaScript: the form stays, says why, and keeps every value.
  await page.getByRole('button', { name: en.next, exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'We cannot reach our database right now' });
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('textbox', { name: en.narrative, exact: true })).toHaveValue(narrative);
  await expect(page.getByLabel(en.relationship)).toHaveValue('mother');
  expect(await page.locator('body').innerText()).not.toMatch(leaks);

  // Without JavaScript: the post is answered by the outage page, which gives back what was typed.
  const notSent = 'nothing was sent';
  await noJsPage.getByRole('button', { name: en.next, exact: true }).click();
  await expect(noJsPage.getByRole('alert').filter({ hasText: notSent })).toBeVisible();
  await expect(noJsPage.getByRole('textbox', { name: en.narrative, exact: true })).toHaveValue(noJsNarrative);
  expect(await noJsPage.locator('body').innerText()).not.toMatch(leaks);
  // Opened afresh (nothing posted), the step shows only the notice: an empty form could overwrite the saved answers.
  const freshStep = await (await noJs.newPage()).goto(page.url());
  expect(freshStep?.status()).toBe(503);
  // The same for an answer to the moderators, and for the moderator's note.
  await replier.getByRole('button', { name: 'Send answer' }).click();
  await expect(replier.getByRole('alert').filter({ hasText: notSent })).toBeVisible();
  await expect(replier.getByRole('textbox', { name: 'Your message' })).toHaveValue(reply);
  expect(await replier.locator('body').innerText()).not.toMatch(leaks);
  await moderator.getByRole('button', { name: 'Add note', exact: true }).click();
  await expect(moderator.getByRole('alert').filter({ hasText: notSent })).toBeVisible();
  await expect(moderator.getByRole('textbox', { name: 'Your message' })).toHaveValue(note);
  expect(await moderator.locator('body').innerText()).not.toMatch(leaks);

  // A page that reads the database: a translated 503 with Retry-After, readable without JavaScript.
  for (const [path, title, pageContext] of [
    ['/en/my-testimonies', 'This page cannot be shown right now', context],
    ['/fa/my-testimonies', 'این صفحه در این لحظه نمایش داده نمی‌شود', context],
    ['/fa/staff', 'این صفحه در این لحظه نمایش داده نمی‌شود', moderator.context()],
  ] as const) {
    const outagePage = await pageContext.newPage();
    const response = await outagePage.goto(path);
    expect(response?.status()).toBe(503);
    expect(response?.headers()['retry-after']).toBe('30');
    expect(response?.headers()['cache-control']).toBe('no-store');
    await expect(outagePage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(outagePage.getByRole('alert')).toBeVisible();
    expect(await outagePage.content()).not.toMatch(leaks);
    await outagePage.close();
  }
  // Signing out still clears the browser: the session cookie and everything stored for the site.
  const leaving = await leaver.request.post('/en/sign-out', { headers: { origin: server.baseURL }, maxRedirects: 0 });
  expect(leaving.status()).toBe(303);
  expect(leaving.headers()['clear-site-data']).toContain('"cookies"');
  expect((await leaver.context().cookies()).map((c) => c.name)).not.toContain('yadman.session');
  await leaver.context().close();
  // The upload form's route (a no-JavaScript file upload): the same page, in the step's language.
  const upload = await page.request.post('/api/uploads/form', {
    headers: { origin: server.baseURL, referer: `${server.baseURL}/fa/submit/x/files` },
    multipart: { file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(1024) } },
  });
  expect(upload.status()).toBe(503);
  expect(upload.headers()['retry-after']).toBe('30');
  const uploadPage = await upload.text();
  expect(uploadPage).toContain('<html lang="fa" dir="rtl">');
  expect(uploadPage).toContain('فایل‌هایی که انتخاب کرده بودید فرستاده نشدند');
  expect(uploadPage).not.toMatch(leaks);
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
  // "Send again" on the outage pages: each post is made as it would have been. The step's own
  // checks answer it (this person had not yet chosen a relationship), with the text still there.
  await noJsPage.getByRole('button', { name: 'Send again' }).click();
  await expect(noJsPage.getByRole('alert').filter({ hasText: 'Some fields need your attention' })).toBeVisible();
  await expect(noJsPage.getByRole('textbox', { name: en.narrative, exact: true })).toHaveValue(noJsNarrative);
  await noJs.close();
  await replier.getByRole('button', { name: 'Send again' }).click();
  await expect(replier).toHaveURL(new RegExp(`^${testimonyUrl}\\?replied=[0-9a-f-]{36}#messages-heading$`));
  await expect(replier.getByText(reply)).toBeVisible();
  await replier.context().close();
  await moderator.getByRole('button', { name: 'Send again' }).click();
  await expect(moderator).toHaveURL(new RegExp(`^${reviewUrl}\\?noted=[0-9a-f-]{36}#notes$`));
  await expect(moderator.getByText(note)).toBeVisible();
  await moderator.context().close();
  expect(server.output()).not.toContain(narrative);
});
