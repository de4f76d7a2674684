'use client';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/components/forms/action-state';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert, secondaryButton } from '@/components/forms/form-alert';

/** Withdrawal behind a <details> and a confirmation box: two deliberate steps, no JavaScript needed. */
export function WithdrawForm({ action, locale, testimonyId }: { action: FormAction<never>; locale: string; testimonyId: string }) {
  const t = useTranslations('MyTestimonies');
  const { state, formAction, pending } = useActionForm(action);
  return (
    <details className="mt-8 rounded border border-red-700 p-4" open={state.status === 'error'}>
      <summary className="cursor-pointer font-semibold text-red-900">{t('withdrawSummary')}</summary>
      <form action={formAction} aria-label={t('withdrawSummary')}>
        <FormAlert state={state} />
        <p className="mt-2">{t('withdrawText')}</p>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="testimonyId" value={testimonyId} />
        <label className="mt-3 flex items-start gap-2">
          <input type="checkbox" name="confirm" value="yes" required className="mt-1.5 size-4" />
          <span>{t('withdrawConfirm')}</span>
        </label>
        <button type="submit" className={`mt-4 ${secondaryButton} border-red-800 text-red-900`} disabled={pending}>
          {t('withdrawButton')}
        </button>
      </form>
    </details>
  );
}
