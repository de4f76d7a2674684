// Step 3 of the submission flow: the files of one draft. A server component (reads the list) that
// renders the upload form (a plain multipart post to /api/uploads/form without JavaScript, tus
// with it) and a remove button per file. Embed as <AttachmentUpload testimonyId={…} locale={…}
// outcome={searchParams.upload} />.
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { sizeLimitBytes } from '@/lib/media/limits';
import { listOwnAttachments } from '@/lib/media/list';
import { parseUploadOutcome, uploadCaptionCookie } from '@/lib/media/upload-outcome';
import type { FormAction } from './action-state';
import { AttachmentRemoveForm } from './attachment-remove-form';
import { AttachmentUploadForm, type SizeLimitsMb } from './attachment-upload-form';
import { FormMessages } from './form-messages';

const mb = (bytes: number) => Math.floor(bytes / (1024 * 1024));

export async function AttachmentUpload({ removeAction, testimonyId, locale, outcome }: { removeAction: FormAction; testimonyId: string; locale: string; outcome?: unknown }) {
  const t = await getTranslations({ locale, namespace: 'Media' });
  // A refused upload's caption, handed back by the upload route for this page only.
  const caption = (await cookies()).get(uploadCaptionCookie)?.value ?? '';
  const files = await withDb(listOwnAttachments, await getViewer(), testimonyId);
  const limits: SizeLimitsMb = {
    image: mb(sizeLimitBytes('image')),
    video: mb(sizeLimitBytes('video')),
    audio: mb(sizeLimitBytes('audio')),
    document: mb(sizeLimitBytes('document')),
  };
  return (
    <section aria-labelledby="attachments-heading" className="mt-6">
      <h2 id="attachments-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      {/* Its own catalogue slice, so the form works inside any page's provider. */}
      <FormMessages namespaces={['Media']}>
        <AttachmentUploadForm testimonyId={testimonyId} locale={locale} limits={limits} outcome={parseUploadOutcome(outcome)} caption={caption} />
      </FormMessages>
      <h3 className="mt-8 text-lg font-semibold">{t('listHeading')}</h3>
      {files.length === 0 ? (
        <p className="mt-2 text-muted">{t('empty')}</p>
      ) : (
        <FormMessages namespaces={['Media']}>
        <ul className="mt-2 divide-y divide-line">
          {files.map((file, i) => (
            <li key={file.id} className="py-3">
              <span className="font-medium">{t(`kind.${file.kind}`)}</span>
              {file.caption && (
                <span dir="auto" className="ms-2">
                  {file.caption}
                </span>
              )}
              <span className="ms-2 rounded border border-line px-2 text-sm">{t(`status.${file.status}`)}</span>
              {file.status === 'ready' && !file.metadataRemoved && (
                <p className="mt-1 text-sm text-red-800">{t('flagged')}</p>
              )}
              {file.status === 'ready' && file.metadataRemoved && (
                <a href={`/api/media/${file.id}`} className="ms-2 text-sm underline">
                  {t('open')}
                </a>
              )}
              <div>
                <AttachmentRemoveForm action={removeAction} attachmentId={file.id} number={i + 1} />
              </div>
            </li>
          ))}
        </ul>
        </FormMessages>
      )}
      {files.some((f) => f.status === 'processing') && <p className="mt-2 text-sm text-muted">{t('processingHint')}</p>}
    </section>
  );
}
