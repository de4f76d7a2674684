// Reaching sign-up while signed in (issue 18): the codes page reloaded without JavaScript showed
// the create form again, signed in, with "form expired". It now says where she is, and where new
// recovery codes are made.
import enMessages from '../../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from '../fixtures';
import { unique } from '../support/accounts';
import { journeys, signUpKeepingCodes } from './support';

for (const { words: w, viewport } of journeys) {
  const m = (w.locale === 'fa' ? faMessages : enMessages).SignUp;
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${w.locale}, ${viewport.width}×${viewport.height}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('the sign-up page, signed in, says so and links to new recovery codes; never an expired create form', async ({ page }) => {
        const username = unique(`reload-${w.locale}`);
        await signUpKeepingCodes(page, w, username);
        await page.goto(`/${w.locale}/sign-up`);
        await expect(page.getByRole('heading', { level: 1, name: m.signedInHeading })).toBeVisible();
        await expect(page.getByRole('region', { name: m.signedInHeading })).toContainText(username);
        // Isolated (<bdi>): a Latin username must not reorder the Persian sentence around it.
        await expect(page.getByRole('region', { name: m.signedInHeading }).locator('bdi')).toHaveText(username);
        await expect(page.getByRole('button', { name: m.submit })).toHaveCount(0);
        await page.getByRole('link', { name: m.signedInAccount }).click();
        await expect(page).toHaveURL(new RegExp(`/${w.locale}/account$`));
      });
    });
  }
}
