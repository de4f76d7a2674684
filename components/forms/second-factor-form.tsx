'use client';
import { useTranslations } from 'next-intl';
import { Field } from './field';
import { FormAlert, submitButton } from './form-alert';
import { RecoveryCodes } from './recovery-codes';
import type { FormAction } from './action-state';
import { useCheckedForm } from './use-checked-form';

/** The code step: verifying a session (`verify`) or confirming a new authenticator (`enrol`). */
/** `action`: the page's verifying action (it always ends in a redirect) or its enrolment-confirming one (it may return codes). */
export function SecondFactorForm({ action, mode, locale, next }: { action: FormAction<{ recoveryCodes: string[]; next: string }>; mode: 'verify' | 'enrol'; locale: string; next?: string }) {
  const t = useTranslations('TwoFactor');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf } = useCheckedForm(action, { schema: () => import('@/lib/validation/account').then((m) => m.secondFactorSchema) });
  if (state.status === 'ok' && state.data) {
    return (
      <section aria-labelledby="enrolled-heading" className="mt-8">
        <h2 id="enrolled-heading" className="text-xl font-semibold">
          {t('enrolledHeading')}
        </h2>
        <p className="mt-2">{t('enrolledText')}</p>
        <RecoveryCodes codes={state.data.recoveryCodes} label={t('enrolledHeading')} />
        <a href={state.data.next} className="mt-6 inline-block font-semibold">
          {t('continue')}
        </a>
      </section>
    );
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={mode === 'verify' ? t('title') : t('enrolTitle')} className="mt-6">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field
        id="code"
        label={mode === 'verify' ? t('code') : t('enrolCode')}
        hint={t('codeHint')}
        error={errorOf('code')}
        registration={field('code')}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        inputMode={mode === 'enrol' ? 'numeric' : 'text'}
      />
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : mode === 'verify' ? t('verifySubmit') : t('enrolSubmit')}
      </button>
    </form>
  );
}
