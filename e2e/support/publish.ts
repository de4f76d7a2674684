// Tests that publish a text on purpose with something the checks still flag (to correct it later,
// or as a fixture) say, like a moderator, that each flagged item is not identifying.
import { type Browser, expect, type Page } from '@playwright/test';
import enMessages from '../../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../../lib/i18n/messages/fa.json' with { type: 'json' };
import { signInAsStaff } from './accounts';

export async function confirmNotIdentifying(page: Page, locale: 'en' | 'fa' = 'en') {
  const legend = (locale === 'fa' ? faMessages : enMessages).Moderation.notIdentifyingLegend;
  for (const tick of await page.getByRole('group', { name: legend }).getByRole('checkbox').all()) await tick.check();
}

/**
 * A moderator (demo-moderator, in English, in a browser of their own) claims the testimony and
 * approves and publishes it as it stands, saying of whatever the checks still find that it is not
 * identifying: for journeys that go on to what the submitter sees after publication.
 */
export async function publishAsModerator(browser: Browser, testimonyId: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAsStaff(page, 'demo-moderator', '/en/staff');
    await page.goto(`/en/staff/testimonies/${testimonyId}`);
    const m = enMessages.Moderation;
    await page.getByRole('button', { name: m.claim }).click();
    await expect(page.getByText(m.heldByYou)).toBeVisible();
    await confirmNotIdentifying(page);
    await page.getByRole('button', { name: m.approvePublish }).click();
    await expect(page.locator('#decided[role="status"]')).toHaveText(m.decided.public, { timeout: 20_000 });
  } finally {
    await context.close();
  }
}
