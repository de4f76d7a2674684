'use client';
import { useTranslations } from 'next-intl';
import type { FormAction } from './action-state';
import { useActionForm } from './use-action-form';
import { FormAlert, submitButton } from './form-alert';

/** "Set up": a POST creates the pending secret (a page view never does); works without JavaScript. */
export function EnrolmentStartForm({ action, locale, next }: { action: FormAction<never>; locale: string; next: string }) {
  const t = useTranslations('TwoFactor');
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} aria-label={t('setupHeading')} className="mt-6">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('setupPending') : t('setupSubmit')}
      </button>
    </form>
  );
}
