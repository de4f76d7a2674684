// The public credit on the review page (lib/moderation/credit.ts): what readers will see (or see)
// as the testimony's credit, which the moderator may make narrower — a shorter name, the
// relationship only, or anonymous — before and after publishing. A plain form: works without
// JavaScript; the page comes back with what was done (`?decided=credit_set`) or why not.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import { creditChoices } from '@/lib/moderation/credit';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm, type FormNotices } from './action-form';

export async function CreditPanel({ locale, review, action, notices }: { locale: Locale; review: Pick<ReviewDto, 'id' | 'language' | 'consent'>; action: FormAction<unknown>; notices: FormNotices }) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const current = review.consent.credit as (typeof creditChoices)[number];
  // Never wider than now: the choices up to the current one.
  const choices = creditChoices.slice(0, creditChoices.indexOf(current) + 1);
  return (
    <section aria-labelledby="credit-heading" className="mt-8">
      <h2 id="credit-heading" className="text-xl font-semibold">{t('creditHeading')}</h2>
      <p className="mt-1 text-sm text-muted">{t('creditHint')}</p>
      <ActionForm action={action} notices={notices} className="mt-2">
        <input type="hidden" name="testimonyId" value={review.id} />
        <input type="hidden" name="locale" value={locale} />
        <fieldset>
          <legend className="font-medium">{t('creditChoice')}</legend>
          {choices.map((choice) => (
            <label key={choice} className="flex items-center gap-2">
              <input type="radio" name="credit" value={choice} defaultChecked={choice === current} />
              <span>{t(`consent.${choice}`)}</span>
            </label>
          ))}
        </fieldset>
        {current === 'chosen_name' ? (
          <div className="mt-2">
            <label htmlFor="credit-name" className="block font-medium">{t('creditNameLabel')}</label>
            <input id="credit-name" name="creditName" lang={review.language} dir="auto" defaultValue={review.consent.creditName ?? ''} maxLength={200} className="mt-1 w-full max-w-md rounded border border-muted bg-white p-2" />
          </div>
        ) : null}
        <button type="submit" className="mt-2 rounded border border-muted px-4 py-2 font-semibold hover:bg-white">{t('creditSave')}</button>
      </ActionForm>
    </section>
  );
}
