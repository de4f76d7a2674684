'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { onlyUnavailableNotice, unavailableState } from '@/components/forms/action-state';
import { FormAlert, secondaryButton, submitButton } from '@/components/forms/form-alert';
import type { useStepForm } from './use-step-form';

type Form = ReturnType<typeof useStepForm<unknown>>;
type Props = Pick<Form, 'formRef' | 'formAction' | 'onSubmit' | 'state' | 'pending' | 'autosave'> & {
  draftId: string;
  locale: string;
  step: string;
  label: string;
  /** The draft could not be read (database down): the form is shown only to give back what was posted. */
  unavailable?: boolean;
  children: ReactNode;
};

/** The form of one step: hidden envelope, the fields, "continue" and "save and continue later". */
export function StepFrame({ formRef, formAction, onSubmit, state, pending, autosave, draftId, locale, step, label, unavailable, children }: Props) {
  const t = useTranslations('Submit');
  if (onlyUnavailableNotice(unavailable, state)) return <FormAlert state={unavailableState} />;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={label} autoComplete="off">
      <FormAlert state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="step" value={step} />
      {children}
      <div className="mt-8 flex flex-wrap items-center gap-4">
        <button type="submit" name="intent" value="next" className={`${submitButton} mt-0`} disabled={pending}>
          {t('continue')}
        </button>
        <button type="submit" name="intent" value="later" className={secondaryButton} disabled={pending}>
          {t('saveLater')}
        </button>
      </div>
      <p role="status" className="mt-3 text-sm text-muted">
        {autosave === 'failed' ? t('autosaveFailed') : autosave ? t('autosaved', { time: autosave.at.toLocaleTimeString(locale) }) : null}
      </p>
    </form>
  );
}
