import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoPassphrase, signIn, signInAsStaff } from './support/accounts';
import { type AppServer, appServer } from './support/app-server';
import { type MailServer, startMailServer } from './support/mail-server';
import { extraServerPort } from './support/ports.mjs';

// Issue 18 (4): the submitter hears back. The main suite's server has no SMTP_URL: no page there
// promises e-mail. The e-mail notices run against a second server of the same build, with its own
// embedded database and SMTP_URL pointing at a local SMTP server on loopback.

test('without SMTP_URL no page offers or promises e-mail notices, in either language', async ({ page }) => {
  await signIn(page, 'demo-submitter', demoPassphrase, '/en/account');
  await expect(page).toHaveURL(/\/en\/account$/);
  for (const [path, promises] of [
    ['/en/account', /notifications \(optional\)|short notice/i],
    ['/fa/account', /ایمیل برای اعلان‌ها|پیام کوتاهی/],
    ['/en/sign-up', /notice|notification/i],
    ['/fa/sign-up', /اعلان|پیام کوتاهی/],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('main')).not.toContainText(promises);
  }
  // The demo submitter gave no address, so there is nothing to remove either: no e-mail field at all.
  await page.goto('/en/account');
  await expect(page.getByLabel('E-mail address')).toHaveCount(0);
});

const port = extraServerPort('limits');
const dataDir = `.data-e2e-${port}-mail`;
const address = 'mother.example@example.org';

test.describe('with SMTP_URL set (a second server and a local SMTP server)', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  let mail: MailServer;
  let server: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
    mail = await startMailServer();
    server = appServer(port, { YADMAN_DATA_DIR: dataDir, SMTP_URL: mail.url, SMTP_FROM: 'notices@example.org', LIMIT_SIGN_IN_ADDRESS: '10000' });
    await server.start();
  });

  test.afterAll(async () => {
    await server?.stop();
    await mail?.close();
    const log = server?.output() ?? '';
    fs.rmSync(dataDir, { recursive: true, force: true });
    // The address is never logged, not even when sending fails.
    expect(log).not.toContain(address);
  });

  const contextOf = (browser: Browser, options: { javaScriptEnabled?: boolean; phone?: boolean } = {}) =>
    browser.newContext({
      baseURL: server.baseURL,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    });

  async function setEmail(page: Page, value: string) {
    await page.goto('/en/account');
    const form = page.getByRole('form', { name: 'E-mail for notifications (optional)' });
    await form.getByLabel('E-mail address').fill(value);
    await form.getByRole('button', { name: 'Save e-mail' }).click();
    await expect(form.getByText('Saved.')).toBeVisible();
  }

  /** Waits until `count` notices arrived, then a while longer to see that no more come. */
  async function noticesAfterQuiet(count: number) {
    await expect.poll(() => mail.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
    // The job worker polls at most every 5 s: a notice still queued would arrive within this.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    return mail.received;
  }

  test('one content-free notice per status change for an account with an e-mail, none once it is removed', async ({ browser }) => {
    const contexts: BrowserContext[] = [];
    try {
      const submitter = await (await contextOf(browser).then((c) => (contexts.push(c), c))).newPage();
      await signIn(submitter, 'demo-submitter', demoPassphrase, '/en/account');
      await expect(submitter).toHaveURL(/\/en\/account$/);
      await expect(submitter.getByText('with no details in it')).toBeVisible();
      await setEmail(submitter, address);

      // A moderator claims the submitted testimony (in review: one change) and publishes it (another).
      const moderator = await (await contextOf(browser).then((c) => (contexts.push(c), c))).newPage();
      await signInAsStaff(moderator, 'demo-moderator', '/en/staff');
      await moderator.getByRole('button', { name: 'Claim the next testimony' }).click();
      await expect(moderator.getByText('You hold this testimony.')).toBeVisible();
      const testimonyId = new URL(moderator.url()).pathname.split('/').pop()!;
      // What the checks find in it (a demo testimony has a phone number) is redacted first: publishing
      // it as it stands would be refused.
      await moderator.getByRole('button', { name: 'Redact the ticked items' }).click();
      await expect(moderator.locator('#preview').getByText('The text to publish still contains:')).toHaveCount(0, { timeout: 20_000 });
      await moderator.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(moderator.getByText('Status:')).toContainText('Published');

      const notices = await noticesAfterQuiet(2);
      expect(notices).toHaveLength(2);
      for (const notice of notices) {
        expect(notice.to).toEqual([address]);
        expect(notice.from).toBe('notices@example.org');
        // The demo submitter's language is Persian: the same fixed words every time, nothing else.
        expect(notice.subject).toBe('خبری تازه در حساب شما');
        expect(notice.text).toContain('در حساب شما خبری تازه هست. برای خواندن آن وارد شوید.');
        expect(notice.text).toContain(`${server.baseURL}/fa/notifications`);
        for (const secret of [testimonyId, 'Farhad', 'فرهاد', 'demo-submitter', 'demo-moderator', 'publish', 'منتشر', 'review', 'بررسی', 'square', '0912']) {
          expect(notice.raw, secret).not.toContain(secret);
          expect(`${notice.subject}\n${notice.text}`, secret).not.toContain(secret);
        }
      }

      // The submitter removes the address; the next change is in the list but sends nothing.
      await setEmail(submitter, '');
      const admin = await (await contextOf(browser).then((c) => (contexts.push(c), c))).newPage();
      await signInAsStaff(admin, 'demo-admin', '/en/staff?status=in_review');
      await admin.getByRole('table').getByRole('link').first().click();
      await admin.getByRole('button', { name: 'Take it over (this is logged)' }).click();
      await admin.getByLabel('Reason for rejecting').selectOption('duplicate');
      await admin.getByRole('checkbox', { name: /^I confirm: reject this testimony/ }).check();
      await admin.getByRole('button', { name: 'Reject', exact: true }).click();
      await expect(admin.getByText('Status:')).toContainText('Rejected · reason: Duplicate');
      expect(await noticesAfterQuiet(2)).toHaveLength(2);

      // A public page carries nothing personal for this submitter (3 unread): no notifications link.
      const theirs = await (await submitter.request.get('/en/search')).text();
      expect(theirs).toContain('Search the memorial');
      expect(theirs).not.toContain('/en/notifications');

      await submitter.goto('/en/notifications');
      // The notifications, not the signed-in area's links (a navigation list in the same main).
      const items = submitter.locator('main li:not(nav li)');
      await expect(items).toHaveCount(3);
      await expect(items.nth(0)).toContainText('Your testimony was not accepted.');
      await expect(items.nth(0)).toContainText('Reason: it repeats a testimony already here');
      await expect(items.nth(1)).toContainText('Your testimony was published.');
      await expect(items.nth(2)).toContainText('A moderator began reviewing your testimony.');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  test('the submitter sees the notification and its unread count, in Persian on a phone and English on a desktop, with and without JavaScript', async ({ browser }) => {
    // Without JavaScript: the form is posted as a browser posts it, and the page comes back.
    const moderatorContext = await contextOf(browser, { javaScriptEnabled: false });
    const moderator = await moderatorContext.newPage();
    // A fresh change: a message to the submitter about the testimony waiting for their changes.
    await signInAsStaff(moderator, 'demo-moderator', '/en/staff?status=changes_requested');
    await moderator.getByRole('table').getByRole('link').first().click();
    await moderator.getByLabel('Write to the submitter').fill('Which day was she last seen?');
    await moderator.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(moderator.locator('#messages')).toContainText('Which day was she last seen?');
    await moderatorContext.close();

    // Unread: review started, published, not accepted (the first test), and the message.
    const steps = [
      { javaScriptEnabled: false, locale: 'fa', unread: '۴ تازه', after: 'open' },
      { javaScriptEnabled: true, locale: 'en', unread: '3 new', after: 'markAll' },
      { javaScriptEnabled: true, locale: 'fa', unread: null, after: null },
      { javaScriptEnabled: false, locale: 'en', unread: null, after: null },
    ] as const;
    for (const { javaScriptEnabled, locale, unread, after } of steps) {
      const fa = locale === 'fa';
      const context = await contextOf(browser, { javaScriptEnabled, phone: fa });
      const page = await context.newPage();
      await signIn(page, 'demo-submitter', demoPassphrase);
      await expect(page).toHaveURL(/\/en\/account$/);
      await page.goto(`/${locale}/my-testimonies`);
      const title = fa ? 'اعلان‌ها' : 'Notifications';
      const link = page.getByRole('banner').getByRole('link', { name: new RegExp(`^${title}`) });
      await expect(link).toHaveText(unread ? `${title} ${unread}` : title);
      await page.screenshot({ path: test.info().outputPath(`my-testimonies-${locale}-${javaScriptEnabled ? 'js' : 'nojs'}.png`) });
      // Public pages are the same for everyone: no personal link there.
      await page.goto(`/${locale}`);
      await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(`^${title}`) })).toHaveCount(0);
      await page.goto(`/${locale}/my-testimonies`);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/notifications$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const items = page.locator('main li:not(nav li)');
      await expect(items).toHaveCount(4);
      await expect(items.nth(0)).toContainText(fa ? 'ناظران برایتان پیامی فرستاده‌اند.' : 'Moderators sent you a message.');
      const published = items.filter({ hasText: fa ? 'روایت شما منتشر شد.' : 'Your testimony was published.' });
      await expect(published).toHaveCount(1);
      await expect(published.getByText(fa ? 'تازه' : 'New', { exact: true })).toHaveCount(unread ? 1 : 0);
      await page.screenshot({ path: test.info().outputPath(`notifications-${locale}-${javaScriptEnabled ? 'js' : 'nojs'}.png`), fullPage: true });
      if (after === 'open') {
        // Opening one marks it read and shows its testimony; the count drops by one.
        await items.nth(0).getByRole('button', { name: 'باز کردن روایت' }).click();
        await expect(page).toHaveURL(new RegExp(`/fa/my-testimonies/[0-9a-f-]{36}$`));
        await expect(link).toHaveText(`${title} ۳ تازه`);
      } else if (after === 'markAll') {
        await page.getByRole('button', { name: 'Mark all as read' }).click();
        await expect(page.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
        await expect(link).toHaveText(title);
        await expect(page.getByRole('main').getByText('New', { exact: true })).toHaveCount(0);
      } else {
        await published.getByRole('button', { name: fa ? 'باز کردن روایت' : 'Open the testimony' }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/my-testimonies/[0-9a-f-]{36}$`));
        await expect(page.getByRole('main')).toContainText(fa ? 'منتشرشده' : 'Published');
      }
      await context.close();
    }
  });
});
