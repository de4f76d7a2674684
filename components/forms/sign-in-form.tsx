'use client';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/[locale]/(account)/sign-in/actions';
import { signInSchema } from '@/lib/validation/account';
import { Field } from './field';
import { FormAlert, submitButton } from './form-alert';
import { useEnhancedForm } from './use-enhanced-form';

export function SignInForm({ locale, next, username }: { locale: string; next?: string; username?: string }) {
  const t = useTranslations('SignIn');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf, values } = useEnhancedForm(signInSchema, signInAction, {
    username: username ?? '',
    next: next ?? '',
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('title')} className="mt-6">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={values.next ?? ''} />
      <Field id="username" label={t('username')} error={errorOf('username')} registration={field('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      <Field id="passphrase" type="password" label={t('passphrase')} error={errorOf('passphrase')} registration={field('passphrase')} autoComplete="current-password" />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
