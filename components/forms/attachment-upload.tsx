// Step 3 of the submission flow: the files of one draft. A server component (reads the list) that
// renders a plain multipart form posting to the `attachment.upload` server action, so uploading
// works without JavaScript. Embed as <AttachmentUpload testimonyId={…} locale={…} />.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/viewer';
import { sizeLimitBytes } from '@/lib/media/limits';
import { listOwnAttachments } from '@/lib/media/list';
import { AttachmentUploadForm, type SizeLimitsMb } from './attachment-upload-form';
import { FormMessages } from './form-messages';

const mb = (bytes: number) => Math.floor(bytes / (1024 * 1024));

export async function AttachmentUpload({ testimonyId, locale }: { testimonyId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: 'Media' });
  const files = await listOwnAttachments(await getDb(), await getViewer(), testimonyId);
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
        <AttachmentUploadForm testimonyId={testimonyId} limits={limits} />
      </FormMessages>
      <h3 className="mt-8 text-lg font-semibold">{t('listHeading')}</h3>
      {files.length === 0 ? (
        <p className="mt-2 text-muted">{t('empty')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line">
          {files.map((file) => (
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
            </li>
          ))}
        </ul>
      )}
      {files.some((f) => f.status === 'processing') && <p className="mt-2 text-sm text-muted">{t('processingHint')}</p>}
    </section>
  );
}
