// Sign-up carries the server's challenge (lib/abuse/challenge.ts) and a trap field: with and
// without JavaScript a person signs up; the trap is neither visible nor in the accessibility tree.
// With JavaScript the ALTCHA widget (lib/abuse/proof-of-work.ts) solves a proof of work, and the
// server accepts the sign-up on it alone; in Persian it speaks Persian, right to left.
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-up challenge with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a person signs up; the trap field cannot be seen or reached', async ({ page }) => {
      await page.goto('/en/sign-up');
      const form = page.getByRole('form', { name: 'Create an account' });
      await expect(form.getByRole('textbox', { name: 'Leave this field empty' })).toHaveCount(0);
      // Visually hidden (inside a 1-pixel box that clips what overflows it), out of the tab order, never autofilled.
      const trap = page.locator('input[name="website"]');
      const clip = await trap.evaluate((input) => {
        const box = input.parentElement!.parentElement!;
        const rect = box.getBoundingClientRect();
        return { area: rect.width * rect.height, overflow: getComputedStyle(box).overflow, hidden: box.getAttribute('aria-hidden') };
      });
      expect(clip).toEqual({ area: 1, overflow: 'hidden', hidden: 'true' });
      await expect(trap).toHaveAttribute('tabindex', '-1');
      await expect(trap).toHaveAttribute('autocomplete', 'off');
      const timed = page.locator('input[name="challenge"]');
      await expect(timed).toHaveAttribute('value', /^c1\./);
      if (javaScriptEnabled) {
        // The widget loads once the person starts using the form, solves on its own and ticks its box.
        await form.getByLabel('Username').focus();
        await expect(form.getByRole('checkbox', { name: 'Checked: a person is sending this form' })).toBeChecked({ timeout: 30_000 });
        await expect(form.locator('input[name="altcha"]')).toHaveValue(/^ey/);
      } else {
        await expect(page.locator('altcha-widget')).toHaveCount(0);
      }
      const passphrase = 'river lantern copper orchard meadow signal';
      await form.getByLabel('Username').fill(`abuse-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`);
      await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await form.getByLabel('Passphrase again').fill(passphrase);
      if (javaScriptEnabled) {
        // The timed challenge taken away: only the proof of work can let the sign-up through.
        await timed.evaluate((input: HTMLInputElement) => (input.value = ''));
        await expect(timed).toHaveValue('');
      }
      await form.getByRole('button', { name: 'Create account' }).click();
      const ready = page.getByRole('heading', { name: 'Your account is ready' });
      const refused = (await ready.waitFor().then(() => true, () => false)) ? 0 : 1;
      recordFigure({ figure: 'people refused at sign-up by the challenge (JavaScript on and off)', measured: refused, target: '0', ok: refused === 0 });
      expect(refused).toBe(0);
      await expect(ready).toBeVisible();
    });
  });
}

test('the widget speaks Persian, right to left, in the Persian sign-up form', async ({ page }) => {
  await page.goto('/fa/sign-up');
  // Not loaded with the page (it would hold the page's loading back): loaded once the form is used.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('altcha-widget')).toHaveCount(0);
  await page.getByLabel('نام کاربری').focus();
  const widget = page.locator('altcha-widget');
  await expect(widget.getByRole('checkbox', { name: 'بررسی شد: من ربات نیستم' })).toBeChecked({ timeout: 30_000 });
  expect(await widget.locator('.altcha').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // Its stylesheet (a file from our origin, no inline styles) is applied: the widget's own layout.
  expect(await widget.locator('.altcha-main').evaluate((element) => getComputedStyle(element).display)).toBe('flex');
});
