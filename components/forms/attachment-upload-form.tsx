'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { uploadAttachmentAction } from '@/app/[locale]/(submit)/attachments/actions';
import { acceptList } from '@/lib/media/sniff';
import { captionMaxLength } from '@/lib/validation/attachment';
import { idleState } from './action-state';
import { FormAlert, FormNotice, submitButton } from './form-alert';

export type SizeLimitsMb = { image: number; video: number; audio: number; document: number };

/** The upload form itself; see attachment-upload.tsx. The file's bytes, not `accept`, decide its type. */
export function AttachmentUploadForm({ testimonyId, limits }: { testimonyId: string; limits: SizeLimitsMb }) {
  const t = useTranslations('Media');
  const [state, formAction, pending] = useActionState(uploadAttachmentAction, idleState);
  const fileError = state.status === 'error' ? state.fieldErrors?.file : undefined;
  const captionError = state.status === 'error' ? state.fieldErrors?.caption : undefined;
  const kind = fileError?.startsWith('fileTooLarge.') ? (fileError.split('.')[1] as keyof SizeLimitsMb) : undefined;
  return (
    <form action={formAction} encType="multipart/form-data" aria-label={t('heading')} className="mt-4">
      {state.status === 'error' && !fileError && <FormAlert state={state} />}
      {state.status === 'ok' && <FormNotice>{t('uploaded')}</FormNotice>}
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <div className="mt-4">
        <label htmlFor="attachment-file" className="block font-medium">
          {t('fileLabel')}
        </label>
        <p id="attachment-file-hint" className="text-sm text-muted">
          {t('fileHint', limits)}
        </p>
        <input
          id="attachment-file"
          name="file"
          type="file"
          required
          accept={acceptList}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={['attachment-file-hint', fileError && 'attachment-file-error'].filter(Boolean).join(' ')}
          className="mt-1 block w-full"
        />
        {fileError && (
          <p id="attachment-file-error" role="alert" className="mt-1 text-sm font-medium text-red-800">
            {t(`errors.${fileError}`, { mb: kind ? limits[kind] : 0 })}
          </p>
        )}
      </div>
      <div className="mt-4">
        <label htmlFor="attachment-caption" className="block font-medium">
          {t('captionLabel')}
        </label>
        <p id="attachment-caption-hint" className="text-sm text-muted">
          {t('captionHint')}
        </p>
        <input
          id="attachment-caption"
          name="caption"
          type="text"
          dir="auto"
          maxLength={captionMaxLength}
          defaultValue={state.status === 'error' ? state.values?.caption : undefined}
          aria-invalid={captionError ? true : undefined}
          aria-describedby="attachment-caption-hint"
          className="mt-1 w-full rounded border border-muted bg-white px-3 py-2"
        />
        {captionError && <p className="mt-1 text-sm font-medium text-red-800">{t('errors.captionTooLong')}</p>}
      </div>
      <div className="mt-4 flex items-start gap-2">
        <input id="attachment-keep" name="keepOriginal" type="checkbox" className="mt-1" aria-describedby="attachment-keep-hint" />
        <div>
          <label htmlFor="attachment-keep" className="font-medium">
            {t('keepOriginalLabel')}
          </label>
          <p id="attachment-keep-hint" className="text-sm text-muted">
            {t('keepOriginalHint')}
          </p>
        </div>
      </div>
      <button type="submit" className={submitButton} disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
