'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { saveStepAction } from '@/app/[locale]/(submit)/submit/actions';
import { StepFrame } from './step-frame';
import { useStepForm } from './use-step-form';

/**
 * Step 3. `uploader` is the slot for the media component (lib/media, another engineer's work);
 * until it is there, the step says files can be added later and the flow continues.
 */
export function FilesStep({ draftId, locale, label, uploader }: { draftId: string; locale: string; label: string; uploader?: ReactNode }) {
  const t = useTranslations('Submit.files');
  const f = useStepForm(null, saveStepAction);
  return (
    <>
      {uploader ?? <p className="mt-4 rounded border border-line bg-white p-3">{t('later')}</p>}
      <StepFrame {...f} draftId={draftId} locale={locale} step="files" label={label}>
        {null}
      </StepFrame>
    </>
  );
}
