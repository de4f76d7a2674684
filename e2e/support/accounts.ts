import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { demoPassphrase, demoTotpSecret } from '../../lib/seed/demo-credentials';
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
 * A TOTP code the server has not seen for this account in this run. It accepts a code once per
 * 30-second step per account (replay protection) and, for clock drift, the previous and next
 * step: a second sign-in within one step uses the next step's code, and only a third waits.
 */
// Kept in a file, not in memory: a failed test restarts its worker, and a new worker that forgot
// the steps already used would send a code the server refuses as a replay (and every later staff
// sign-in of the run would fail after it).
const stepsFile = path.join(os.tmpdir(), `yadman-e2e-totp-steps-${process.env.E2E_PORT ?? 'default'}.json`);
const readSteps = (): Record<string, number> => {
  try {
    return JSON.parse(fs.readFileSync(stepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
};

export async function freshCode(page: Page, secret: string, account: string = secret): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / 30);
    const steps = readSteps();
    const step = Math.max(current, (steps[account] ?? -1) + 1);
    if (step <= current + 1) {
      fs.writeFileSync(stepsFile, JSON.stringify({ ...steps, [account]: step }));
      return currentTotp(secret, step * 30 + 1);
    }
    await page.waitForTimeout(1000);
  }
}

/**
 * Signs a demo staff account in, through the code step, and lands on `next`. A session this run
 * already opened for the account on this server is reused when it is still alive (the server
 * checks its row on every request): the server accepts one TOTP code per account per 30-second
 * step, so signing in afresh for every test made each one wait for the next step. The sign-in
 * itself is tested where it is the subject (e2e/accounts.e2e.ts, e2e/admin.e2e.ts).
 */
export async function signInAsStaff(page: Page, username: string, next: string) {
  const landed = new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`);
  // By account only: a cookie does not name its port, and a session of another server (a test's
  // second server, another database) is unknown here, so the page goes to sign-in as below.
  const key = username;
  const saved = readJson<Record<string, Cookie[]>>(sessionsFile)[key];
  if (saved) {
    await page.context().addCookies(saved);
    const response = await page.goto(next);
    if (response?.ok() && landed.test(page.url())) return;
    await page.context().clearCookies({ name: sessionCookie });
  }
  await signIn(page, username, demoPassphrase, next);
  await expect(page).toHaveURL(/\/en\/two-factor\?next=/);
  const form = page.getByRole('form', { name: 'Two-step sign-in' });
  await form.getByLabel('Code').fill(await freshCode(page, demoTotpSecret, username));
  await form.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(landed);
  const cookies = (await page.context().cookies()).filter((c) => c.name === sessionCookie);
  fs.writeFileSync(sessionsFile, JSON.stringify({ ...readJson<Record<string, Cookie[]>>(sessionsFile), [key]: cookies }));
}

type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];
const sessionCookie = 'yadman.session';
// In a file for the same reason as the TOTP steps; a session of an earlier run (another database)
// is unknown to the server, which sends the page to sign-in, and the full sign-in follows.
const sessionsFile = path.join(os.tmpdir(), `yadman-e2e-staff-sessions-${process.env.E2E_PORT ?? 'default'}.json`);

function readJson<T extends object>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return {} as T;
  }
}


/** The TOTP key shown as text on the enrolment page (for people who cannot scan the QR code). */
export async function enrolmentSecret(page: Page): Promise<string> {
  const shown = page.getByRole('definition').filter({ hasText: /^[A-Z2-7 ]+$/ });
  return (await shown.textContent())!.replace(/\s+/g, '');
}
