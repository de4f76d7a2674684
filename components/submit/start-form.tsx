'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { startTestimonyAction, submitTestimonyAction } from '@/app/[locale]/(submit)/submit/actions';
import { idleState as idle, type ActionState } from '@/components/forms/action-state';
import { FormAlert, submitButton } from '@/components/forms/form-alert';
import { FormGate } from '@/components/forms/form-gate';
import { ProofOfWork } from '@/components/forms/proof-of-work';

/**
 * The token is made by the server for each render of the page: posting the same page twice (double
 * click, retry, back and post again) creates one draft.
 */
export function StartForm({ locale, token, person }: { locale: string; token: string; person?: string }) {
  const t = useTranslations('Submit');
  const [state, action, pending] = useActionState(startTestimonyAction, idle as ActionState<never>);
  return (
    <form action={action} aria-label={t('startHeading')}>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {person && <input type="hidden" name="person" value={person} />}
      <button type="submit" className={submitButton} disabled={pending}>
        {t('startButton')}
      </button>
    </form>
  );
}

/** The last step's button; the same token makes a repeated post add nothing. */
export function SubmitForm({ locale, draftId, token, challenge, label }: { locale: string; draftId: string; token: string; challenge: string; label: string }) {
  const [state, action, pending] = useActionState(submitTestimonyAction, idle as ActionState<never>);
  return (
    // noValidate: the proof-of-work widget's checkbox must not hold the form back (the server decides,
    // and without a solved proof of work the timed challenge still lets a person through).
    <form action={action} aria-label={label} noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="token" value={token} />
      <FormGate challenge={challenge} />
      <ProofOfWork start="now" />
      <button type="submit" className={submitButton} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
