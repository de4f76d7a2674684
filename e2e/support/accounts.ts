import type { Page } from '@playwright/test';
import { demoPassphrase, demoTotpSecret } from '../../db/seed/demo-credentials';
import { currentTotp } from '../../lib/auth/totp';
import { expect } from '../fixtures';

export { demoPassphrase, demoTotpSecret };

export const unique = (base: string) => `${base}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

export const signInForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });

export async function signIn(page: Page, username: string, passphrase: string, next?: string) {
  await page.goto(next ? `/en/sign-in?next=${encodeURIComponent(next)}` : '/en/sign-in');
  const form = signInForm(page);
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A TOTP code never used before for this secret in this run: codes are accepted once per
 * 30-second step per account (replay protection), so a second sign-in waits for the next step.
 * Also avoids the last seconds of a step, so the code is still current when the server checks it.
 */
const usedSteps = new Map<string, number>();
export async function freshCode(page: Page, secret: string): Promise<string> {
  for (;;) {
    const now = Date.now() / 1000;
    const step = Math.floor(now / 30);
    if (step > (usedSteps.get(secret) ?? -1) && now % 30 < 25) {
      usedSteps.set(secret, step);
      return currentTotp(secret);
    }
    await page.waitForTimeout(1000);
  }
}

/** Signs a demo staff account in, through the code step, and lands on `next`. */
export async function signInAsStaff(page: Page, username: string, next: string) {
  await signIn(page, username, demoPassphrase, next);
  await expect(page).toHaveURL(/\/en\/two-factor\?next=/);
  const form = page.getByRole('form', { name: 'Two-step sign-in' });
  await form.getByLabel('Code').fill(await freshCode(page, demoTotpSecret));
  await form.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
}

/** The TOTP key shown as text on the enrolment page (for people who cannot scan the QR code). */
export async function enrolmentSecret(page: Page): Promise<string> {
  const shown = page.getByRole('definition').filter({ hasText: /^[A-Z2-7 ]+$/ });
  return (await shown.textContent())!.replace(/\s+/g, '');
}
