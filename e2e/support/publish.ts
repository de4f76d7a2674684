// Tests that publish a text on purpose with something the checks still flag (to correct it later,
// or as a fixture) say, like a moderator, that each flagged item is not identifying.
import type { Page } from '@playwright/test';
import enMessages from '../../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../../lib/i18n/messages/fa.json' with { type: 'json' };

export async function confirmNotIdentifying(page: Page, locale: 'en' | 'fa' = 'en') {
  const legend = (locale === 'fa' ? faMessages : enMessages).Moderation.notIdentifyingLegend;
  for (const tick of await page.getByRole('group', { name: legend }).getByRole('checkbox').all()) await tick.check();
}
