// What the submitter journeys share: the words of each language (from the catalogues, so the
// journeys follow the interface as people read it), the screen each language is walked on, and the
// steps every journey takes (sign up and keep the codes, sign in, leave quickly).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import enMessages from '../../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect } from '../fixtures';
import { en as enSteps, fa as faSteps } from '../support/submission';

type Catalogue = typeof enMessages;

function words(locale: 'fa' | 'en', m: Catalogue) {
  return {
    locale,
    steps: locale === 'fa' ? faSteps : enSteps,
    signUp: m.SignUp,
    signIn: m.SignIn,
    recovery: m.Recovery,
    area: m.AccountArea,
    quickExit: m.QuickExit,
    media: m.Media,
    submitNav: m.Shell.nav.submit,
    stepNames: m.Submit.steps,
    stepsNav: m.Submit.stepsLabel,
    myTestimonies: m.MyTestimonies.title,
    notifications: m.Notifications,
    consent: m.Submit.consent,
  };
}

export type Words = ReturnType<typeof words>;

/** Persian on a phone, English on a desktop screen (issue 18). */
export const journeys = [
  { words: words('fa', faMessages as Catalogue), viewport: { width: 390, height: 844 } },
  { words: words('en', enMessages), viewport: { width: 1280, height: 800 } },
] as const;

/** The neutral site "Leave quickly" goes to in the suite (playwright.config.ts QUICK_EXIT_URL). */
export const neutralSite = 'https://neutral.example/weather';

export const firstPassphrase = 'river lantern quiet orchard';

/** Signs up in the page's language and returns the recovery codes the page showed once. */
export async function signUpKeepingCodes(page: Page, w: Words, username: string): Promise<string[]> {
  await page.goto(`/${w.locale}/sign-up`);
  const form = page.getByRole('form', { name: w.signUp.title });
  await form.getByLabel(w.signUp.username).fill(username);
  await form.getByLabel(w.signUp.passphrase, { exact: true }).fill(firstPassphrase);
  await form.getByLabel(w.signUp.passphraseConfirm).fill(firstPassphrase);
  await form.getByRole('button', { name: w.signUp.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.signUp.createdHeading);
  const codes = page.getByRole('list', { name: w.signUp.codesHeading }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  // Nothing of the sign-up page is left around the codes, and the file they download as is neutral.
  await expect(page.getByRole('form', { name: w.signUp.title })).toHaveCount(0);
  await expect(page.getByRole('link', { name: w.signUp.downloadCodes })).toHaveAttribute('download', 'codes.txt');
  return codes.allTextContents();
}

export async function signInAs(page: Page, w: Words, username: string, passphrase: string) {
  const form = page.getByRole('form', { name: w.signIn.title });
  await form.getByLabel(w.signIn.username).fill(username);
  await form.getByLabel(w.signIn.passphrase).fill(passphrase);
  await form.getByRole('button', { name: w.signIn.submit }).click();
}

/** The header's signed-in area (components/layout/site-header.tsx). */
export const signedInArea = (page: Page, w: Words) => page.getByRole('navigation', { name: w.area.label });

/**
 * Answers the neutral site in the browser, so leaving contacts nothing outside the machine. The
 * navigation to it is the one expected request to another origin: it is taken off the suite's list
 * of foreign requests (e2e/fixtures.ts), every other one still fails the test.
 */
export async function answerNeutralSite(context: BrowserContext, foreignRequests: string[]) {
  await context.route(`${new URL(neutralSite).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
  return () => {
    for (let i = foreignRequests.length - 1; i >= 0; i--) if (foreignRequests[i]!.startsWith(neutralSite)) foreignRequests.splice(i, 1);
  };
}

/** Whether the session behind `cookies` still opens My testimonies, asked from a fresh browser context. */
export async function sessionAlive(browser: Browser, baseURL: string, cookies: Awaited<ReturnType<BrowserContext['cookies']>>) {
  const probe = await browser.newContext({ baseURL });
  await probe.addCookies(cookies);
  const response = await probe.request.get('/en/my-testimonies', { maxRedirects: 0 });
  await probe.close();
  return response.status() === 200;
}

export const smallPhoto = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#557799' } }).jpeg().toBuffer();
