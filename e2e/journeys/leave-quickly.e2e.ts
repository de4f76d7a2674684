// "Leave quickly" is on every page, not only the forms (issue 18): a memorial page, a search for a
// name or a notice from a moderator is as dangerous on her screen. The public pages come from the
// shared cache, so the bar is the same bytes for everyone; it ends the session all the same.
import { expect, test } from '../fixtures';
import { unique } from '../support/accounts';
import { answerNeutralSite, journeys, neutralSite, sessionAlive, signUpKeepingCodes } from './support';

const pages = (locale: string) => [`/${locale}`, `/${locale}/search?q=a`, `/${locale}/statistics`, `/${locale}/data`, `/${locale}/no-such-page`, `/${locale}/notifications`];

for (const { words: w, viewport } of journeys) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${w.locale}, ${viewport.width}×${viewport.height}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('every page has "Leave quickly" first after the skip link; from the memorial it signs her out', async ({ page, browser, baseURL, foreignRequests }) => {
        test.setTimeout(90_000);
        const expected = await answerNeutralSite(page.context(), foreignRequests);
        await signUpKeepingCodes(page, w, unique(`exit-${w.locale}`));
        const bar = page.getByRole('button', { name: w.quickExit.label });
        for (const path of pages(w.locale)) {
          await page.goto(path);
          await expect(bar, path).toBeVisible();
          await expect(bar).toHaveAccessibleDescription(w.quickExit.hint);
        }
        // A person's page, reached from the memorial.
        await page.goto(`/${w.locale}`);
        const person = await page.getByRole('main').locator(`a[href*="/${w.locale}/persons/"]`).first().getAttribute('href');
        await page.goto(person!);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await expect(bar).toBeFocused();

        const cookies = await page.context().cookies();
        expect(await sessionAlive(browser, baseURL!, cookies)).toBe(true);
        if (javaScriptEnabled) {
          await page.locator('body').press('Escape');
          await page.keyboard.press('Escape');
        } else {
          await bar.click();
        }
        await expect(page).toHaveURL(neutralSite);
        expect(await sessionAlive(browser, baseURL!, cookies)).toBe(false);
        expected();
      });
    });
  }
}
