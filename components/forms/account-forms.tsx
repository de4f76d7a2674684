'use client';
import { useTranslations } from 'next-intl';
import type { FormAction } from './action-state';
import { Field } from './field';
import { FormAlert, FormNotice, secondaryButton, submitButton } from './form-alert';
import { RecoveryCodes } from './recovery-codes';
import { recoveryCodesFileName } from './recovery-codes-file';
import { useActionForm } from './use-action-form';
import { useCheckedForm } from './use-checked-form';

/** `username` is a hidden field so password managers know which account the new passphrase is for. */
export function ChangePassphraseForm({ action, username }: { action: FormAction; username: string }) {
  const t = useTranslations('Account');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf } = useCheckedForm(action, { schema: () => import('@/lib/validation/account').then((m) => m.changePassphraseSchema) });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('passphraseHeading')}>
      <FormAlert state={state} />
      {state.status === 'ok' && <FormNotice>{t('passphraseChanged')}</FormNotice>}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <Field id="currentPassphrase" type="password" label={t('currentPassphrase')} error={errorOf('currentPassphrase')} registration={field('currentPassphrase')} autoComplete="current-password" />
      <Field id="newPassphrase" type="password" label={t('newPassphrase')} error={errorOf('passphrase')} registration={field('passphrase')} autoComplete="new-password" />
      <Field id="newPassphraseConfirm" type="password" label={t('newPassphraseConfirm')} error={errorOf('passphraseConfirm')} registration={field('passphraseConfirm')} autoComplete="new-password" />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('passphraseSubmit')}
      </button>
    </form>
  );
}

/** `label`: the form's name, as its section heading says it (whether e-mail is sent depends on the site). */
export function EmailForm({ action, email, label }: { action: FormAction; email: string; label: string }) {
  const t = useTranslations('Account');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf } = useCheckedForm(action, { schema: () => import('@/lib/validation/account').then((m) => m.emailSchema), defaults: { email } });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={label}>
      <FormAlert state={state} />
      {state.status === 'ok' && <FormNotice>{t('emailSaved')}</FormNotice>}
      <Field id="email" type="email" label={t('email')} hint={t('emailHint')} error={errorOf('email')} registration={field('email')} autoComplete="email" spellCheck={false} />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('emailSubmit')}
      </button>
    </form>
  );
}

export function RegenerateRecoveryCodesForm({ action }: { action: FormAction<{ recoveryCodes: string[] }> }) {
  const t = useTranslations('Account');
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} aria-label={t('recoveryHeading')}>
      <FormAlert state={state} />
      {state.status === 'ok' && (
        <div className="mt-4">
          <h3 className="font-semibold">{t('recoveryCodesHeading')}</h3>
          <p>{t('recoveryCodesText')}</p>
          <RecoveryCodes codes={state.data.recoveryCodes} label={t('recoveryCodesLabel')} download={t('downloadCodes')} downloadHint={t('downloadCodesHint', { file: recoveryCodesFileName })} />
        </div>
      )}
      <button type="submit" className={`mt-4 ${secondaryButton}`} disabled={pending}>
        {t('recoverySubmit')}
      </button>
    </form>
  );
}

export function SignOutEverywhereForm({ action, locale }: { action: FormAction<never>; locale: string }) {
  const t = useTranslations('Account');
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} aria-label={t('sessionsHeading')}>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={`mt-4 ${secondaryButton}`} disabled={pending}>
        {t('sessionsSubmit')}
      </button>
    </form>
  );
}

