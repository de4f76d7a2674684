// Sign-up carries the server's challenge (lib/abuse/challenge.ts) and a trap field: with and
// without JavaScript a person signs up; the trap is neither visible nor in the accessibility tree.
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
      await expect(page.locator('input[name="challenge"]')).toHaveAttribute('value', /^c1\./);
      const passphrase = 'river lantern copper orchard meadow signal';
      await form.getByLabel('Username').fill(`abuse-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`);
      await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await form.getByLabel('Passphrase again').fill(passphrase);
      await form.getByRole('button', { name: 'Create account' }).click();
      const ready = page.getByRole('heading', { name: 'Your account is ready' });
      const refused = (await ready.waitFor().then(() => true, () => false)) ? 0 : 1;
      recordFigure({ figure: 'people refused at sign-up by the challenge (JavaScript on and off)', measured: refused, target: '0', ok: refused === 0 });
      expect(refused).toBe(0);
      await expect(ready).toBeVisible();
    });
  });
}
