'use client';
import { useTranslations } from 'next-intl';
import { Field } from './field';
import { currentChallenge, FormGate } from './form-gate';
import { ProofOfWork } from './proof-of-work';
import { FormAlert, submitButton } from './form-alert';
import type { FormAction } from './action-state';
import { useCheckedForm } from './use-checked-form';

/**
 * Sign-in. It always carries the form gate: past an account's free guesses (lib/abuse/guesses.ts)
 * the timed challenge, or a solved proof of work after a refusal, lets the person in.
 */
/** Checked on sending, not on leaving a field: a message appearing then moved the button under her finger (issue 18). */
export function SignInForm({ action, locale, next, username, challenge: issued }: { action: FormAction<never>; locale: string; next?: string; username?: string; challenge: string }) {
  const t = useTranslations('SignIn');
  const { state, formAction, pending, field, formRef, onSubmit, errorOf, values } = useCheckedForm(action, { schema: () => import('@/lib/validation/account').then((m) => m.signInSchema), check: 'submit', defaults: {
    username: username ?? '',
    next: next ?? '',
  } });
  const challenge = currentChallenge(state, issued);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('title')} className="mt-6">
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={values.next ?? ''} />
      <FormGate challenge={challenge} />
      <Field id="username" label={t('username')} error={errorOf('username')} registration={field('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      <Field id="passphrase" type="password" label={t('passphrase')} error={errorOf('passphrase')} registration={field('passphrase')} autoComplete="current-password" />
      {/* After a refusal the fresh timed challenge would make a quick resend wait: with JavaScript a
          proof of work is solved meanwhile (keyed by the challenge: a new one after each refusal).
          Not before: the first post's timed challenge has had the time the person took to type. */}
      {state.status === 'error' && <ProofOfWork key={challenge} />}
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
