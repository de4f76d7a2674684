// Step 2 ("Your testimony") marks what it cannot continue without — who she is to them, whether
// she saw it, and what happened — after the label for the eye and as `aria-required` for screen
// readers (components/submit/fields.tsx), and nothing else.
import enMessages from '../lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../lib/i18n/messages/fa.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { unique } from './support/accounts';
import { signUp, startDraft } from './support/submission';

for (const [locale, m] of [['en', enMessages], ['fa', faMessages]] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled });

      test('step 2 marks its required fields, visibly and for screen readers', async ({ page }) => {
        const a = m.Submit.account;
        await signUp(page, unique(`required-${locale}`));
        const draftId = await startDraft(page);
        await page.goto(`/${locale}/submit/${draftId}/account`);
        const relationship = page.getByRole('combobox', { name: a.relationship, exact: true });
        const hand = page.getByRole('radiogroup', { name: a.hand, exact: true });
        const narrative = page.getByRole('textbox', { name: a.narrative, exact: true });
        for (const field of [relationship, hand, narrative]) await expect(field).toHaveAttribute('aria-required', 'true');
        // The mark is seen after each of the three labels, and only there.
        const marks = page.getByText(m.Submit.requiredMark, { exact: true });
        await expect(marks).toHaveCount(3);
        for (const label of [page.locator('label[for="relationship"]'), page.locator('legend', { hasText: a.hand }), page.locator('label[for="narrative"]')]) {
          await expect(label.getByText(m.Submit.requiredMark, { exact: true })).toBeVisible();
        }
        await expect(page.getByRole('textbox', { name: a.eventPlace, exact: true })).not.toHaveAttribute('aria-required', 'true');
      });
    });
  }
}
