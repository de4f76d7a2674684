'use client';
// The upload form itself; see attachment-upload.tsx. Without JavaScript it is a plain multipart
// post to /api/uploads/form (streamed to disk on the server), whose redirect brings `outcome` and
// the caption back. With JavaScript the same form uploads through tus (resumable: a dropped
// connection continues from the last byte received, retried automatically), with progress. The
// file's bytes, not `accept`, decide its type: the browser checks the first bytes with the same
// rule as the server, which checks again. Nothing is kept in browser storage (no resume URLs).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { UploadOutcome } from '@/lib/media/upload-outcome';
import { acceptList, sniff, sniffLength } from '@/lib/media/sniff';
import { captionMaxLength } from '@/lib/validation/attachment-options';
import { FileInput } from './file-input';
import { FormNotice, submitButton } from './form-alert';

export type SizeLimitsMb = { image: number; video: number; audio: number; document: number };

type Status = { phase: 'idle' } | { phase: 'uploading'; percent: number } | { phase: 'received' } | { phase: 'refused'; key: string };

const megabyte = 1024 * 1024;
// What the tus route may answer (lib/media/tus.ts); anything else is a generic failure.
const knownRefusals = new Set(['fileMissing', 'fileTypeRefused', 'heicUnsupported', 'fileTooLarge.image', 'fileTooLarge.video', 'fileTooLarge.audio', 'fileTooLarge.document']);
// Small enough that a dropped connection loses little, large enough to keep requests few.
const chunkBytes = 1024 * 1024;

export function AttachmentUploadForm(props: { testimonyId: string; locale: string; limits: SizeLimitsMb; outcome: UploadOutcome; caption: string }) {
  const { testimonyId, locale, limits } = props;
  const t = useTranslations('Media');
  const router = useRouter();
  const [status, setStatus] = useState<Status>(
    props.outcome?.kind === 'refused' ? { phase: 'refused', key: props.outcome.key } : props.outcome?.kind === 'received' ? { phase: 'received' } : { phase: 'idle' },
  );
  const fileError = status.phase === 'refused' ? status.key : undefined;
  const kind = fileError?.startsWith('fileTooLarge.') ? (fileError.split('.')[1] as keyof SizeLimitsMb) : undefined;

  async function upload(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    event.preventDefault();
    // The page's own message next to the field (the form has noValidate: a browser bubble speaks the
    // browser's language, and a hidden input has nowhere to show it).
    if (!file) return setStatus({ phase: 'refused', key: 'fileMissing' });
    const type = sniff(new Uint8Array(await file.slice(0, sniffLength).arrayBuffer()));
    if (!type) return setStatus({ phase: 'refused', key: 'fileTypeRefused' });
    if (file.size > limits[type.kind] * megabyte) return setStatus({ phase: 'refused', key: `fileTooLarge.${type.kind}` });
    const data = new FormData(form);
    setStatus({ phase: 'uploading', percent: 0 });
    const { Upload } = await import('tus-js-client');
    new Upload(file, {
      endpoint: '/api/uploads/tus',
      chunkSize: chunkBytes,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      // The file name is never sent; the server decides the type from the bytes again.
      metadata: { testimonyId, kind: type.kind, caption: String(data.get('caption') ?? ''), keepOriginal: data.get('keepOriginal') === 'on' ? 'yes' : 'no' },
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => setStatus({ phase: 'uploading', percent: Math.floor((sent / total) * 100) }),
      onSuccess: () => {
        form.reset();
        setStatus({ phase: 'received' });
        router.refresh(); // the list shows the new file as "processing"
      },
      onError: (error) => {
        const body = 'originalResponse' in error ? error.originalResponse?.getBody()?.trim() : undefined;
        setStatus({ phase: 'refused', key: body === 'rate_limited' ? 'rateLimited' : body && knownRefusals.has(body) ? body : 'uploadFailed' });
      },
    }).start();
  }

  const uploading = status.phase === 'uploading';
  // A new file chosen: the refusal of the last one ("choose a file", "too large") no longer applies.
  const fileChosen = (event: FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLInputElement).name === 'file' && status.phase === 'refused') setStatus({ phase: 'idle' });
  };
  return (
    <form method="post" action="/api/uploads/form" encType="multipart/form-data" noValidate autoComplete="off" aria-label={t('heading')} className="mt-4" onSubmit={upload} onChange={fileChosen}>
      {status.phase === 'received' && <FormNotice>{t('uploaded')}</FormNotice>}
      <input type="hidden" name="testimonyId" value={testimonyId} />
      <input type="hidden" name="locale" value={locale} />
      <div className="mt-4">
        <label htmlFor="attachment-file" className="block font-medium">
          {t('fileLabel')}
        </label>
        <p id="attachment-file-hint" className="text-sm text-muted">
          {t('fileHint', limits)}
        </p>
        <FileInput
          id="attachment-file"
          name="file"
          accept={acceptList}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={['attachment-file-hint', fileError && 'attachment-file-error'].filter(Boolean).join(' ')}
          text={{ choose: t('fileChoose'), noneChosen: t('fileNoneChosen'), chosen: t('fileChosen') }}
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
          defaultValue={props.caption}
          aria-describedby="attachment-caption-hint"
          className="mt-1 w-full rounded border border-muted bg-white px-3 py-2"
        />
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
      {uploading && (
        <p className="mt-4">
          <label htmlFor="attachment-progress">{t('progress', { percent: status.percent })}</label>
          <progress id="attachment-progress" max={100} value={status.percent} className="ms-2 align-middle" />
        </p>
      )}
      <button type="submit" className={submitButton} disabled={uploading}>
        {uploading ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
