'use client';
import { useTranslations } from 'next-intl';
import { Field } from './field';
import { FormAlert, FormNotice, submitButton } from './form-alert';
import type { FormAction } from './action-state';
import { useCheckedForm } from './use-checked-form';

/** Username + one recovery code + a new passphrase. Works without JavaScript (a plain form post). */
export function RecoverForm({ action, locale }: { action: FormAction<{ remainingCodes: number }>; locale: string }) {
  const t = useTranslations('Recovery');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf } = useCheckedForm(action, { schema: () => import('@/lib/validation/account').then((m) => m.recoverSchema), defaults: { username: '' } });
  if (state.status === 'ok') {
    const left = state.data.remainingCodes;
    return (
      <section aria-labelledby="recovered-heading" className="mt-6">
        <h2 id="recovered-heading" className="text-xl font-semibold">
          {t('doneHeading')}
        </h2>
        <FormNotice>{t('done')}</FormNotice>
        <p className={`mt-4 ${left === 0 ? 'rounded border border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900' : ''}`}>
          {left === 0 ? t('noCodesLeft') : t('codesLeft', { count: left })}
        </p>
        <a href={`/${locale}/sign-in?${new URLSearchParams({ next: `/${locale}/account` })}`} className="mt-6 inline-block font-semibold">
          {t('signIn')}
        </a>
      </section>
    );
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('title')} className="mt-6">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <Field id="username" label={t('username')} error={errorOf('username')} registration={field('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      <Field id="code" label={t('code')} hint={t('codeHint')} error={errorOf('code')} registration={field('code')} autoComplete="off" autoCapitalize="none" spellCheck={false} dir="ltr" />
      <Field id="passphrase" type="password" label={t('passphrase')} hint={t('passphraseHint')} error={errorOf('passphrase')} registration={field('passphrase')} autoComplete="new-password" />
      <Field id="passphraseConfirm" type="password" label={t('passphraseConfirm')} error={errorOf('passphraseConfirm')} registration={field('passphraseConfirm')} autoComplete="new-password" />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
