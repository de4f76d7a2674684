'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { StepFrame } from './step-frame';
import { useStepForm, type SaveStepAction } from './use-step-form';

/**
 * Step 3. `uploader` is the slot for the media component (lib/media, another engineer's work);
 * until it is there, the step says files can be added later and the flow continues.
 */
export function FilesStep({ action, draftId, locale, label, uploader }: { action: SaveStepAction; draftId: string; locale: string; label: string; uploader?: ReactNode }) {
  const t = useTranslations('Submit.files');
  const f = useStepForm(null, action);
  return (
    <>
      {uploader ?? <p className="mt-4 rounded border border-line bg-white p-3">{t('later')}</p>}
      <StepFrame {...f} draftId={draftId} locale={locale} step="files" label={label}>
        {null}
      </StepFrame>
    </>
  );
}
