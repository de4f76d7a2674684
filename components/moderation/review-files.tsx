// The files of a testimony on the review screen: open each one, see its chain-of-custody hash and
// whether its hidden metadata could be removed, choose public or moderators-only, and write the
// caption readers see (the submitter's is shown here only, with what looks identifying in it).
// Embedded by the review page as <ReviewFiles actions={…} locale={…} review={…} files={…} />, which reads
// the files (lib/media/review-files.ts) beside its other reads rather than after them.
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { ReviewAttachment } from '@/lib/media/review-files';
import type { ReviewDto } from '@/lib/moderation/review';
import type { FormAction } from '@/components/forms/action-state';
import { applyRedactions, suggestRedactions } from '@/lib/moderation/redaction';
import { FoundDetails } from './found-details';
import { AttachmentCaptionForm } from './attachment-caption-form';
import { AttachmentVisibilityForm } from './attachment-visibility-form';
import { partSeparator } from '@/lib/i18n/separator';


type Actions = { visibility: FormAction; caption: FormAction };

type Props = {
  actions: Actions;
  locale: Locale;
  review: Pick<ReviewDto, 'id' | 'status' | 'isOwn' | 'claim' | 'language'>;
  files: ReviewAttachment[];
  /** The file whose choice was just saved and the choice (`?file=&shown=` from the action's redirect). */
  saved: { file?: string; shown?: string };
};

export async function ReviewFiles({ actions, locale, review, files, saved }: Props) {
  const t = await getTranslations({ locale, namespace: 'ReviewFiles' });
  // The same rule as setAttachmentVisibility; the server checks it again.
  const editable = !review.isOwn && (review.claim?.heldByViewer || review.status === 'published' || review.status === 'unpublished');
  const labels = {
    legend: t('legend'),
    public: t('public'),
    moderators: t('moderators'),
    save: t('save'),
  };
  const savedIndex = files.findIndex((f) => f.id === saved.file);
  const shown = saved.shown === 'public' || saved.shown === 'moderators' ? saved.shown : null;
  const captionLabels = { label: t('captionLabel'), hint: t('captionHint'), save: t('captionSave'), notIdentifying: t('captionNotIdentifying') };
  return (
    <section aria-labelledby="files" className="mt-8">
      <h2 id="files" className="text-xl font-semibold">{t('heading')}</h2>
      <p className="mt-1 text-sm text-muted">{t('rule')}</p>
      {/* Always in the page, so the message appearing in it when the page re-renders in place is announced. */}
      <p role="status" className="mt-2 text-sm font-semibold">
        {savedIndex >= 0 && shown ? t('saved', { number: savedIndex + 1, who: t(shown) }) : null}
      </p>
      {files.length === 0 ? <p className="mt-2">{t('none')}</p> : null}
      <ul className="mt-2 divide-y divide-line">
        {files.map((file, i) => (
          <li key={file.id} id={`file-${file.id}`} className="py-3" aria-label={t('fileLabel', { number: i + 1 })}>
            <p>
              <strong>{t(`kind.${file.kind}`)}</strong>
              {file.status === 'ready' ? (
                <a href={`/api/media/${file.id}`} className="ms-2 underline">
                  {t('open')}
                </a>
              ) : (
                <span className="ms-2 rounded border border-line px-2 text-sm">{t(`status.${file.status}`)}</span>
              )}
            </p>
            <p className="text-sm">
              {t('current')} <strong>{t(file.visibility)}</strong>
              {file.isPortrait ? <>{partSeparator(locale)}{t('portrait')}</> : null}
            </p>
            {file.status === 'ready' && !file.metadataRemoved ? <p className="text-sm font-semibold text-red-800">{t('flagged')}</p> : null}
            <p className="text-sm">
              {t('submitterCaption')} {file.caption ? <bdi>{file.caption}</bdi> : <em>{t('noCaption')}</em>}
            </p>
            {file.caption ? <FoundDetails locale={locale} found={suggestRedactions(file.caption)} label={t('captionSuggestions')} /> : null}
            <p className="text-sm">
              {t('publicCaption')} {file.publicCaption ? <bdi>{file.publicCaption}</bdi> : <em>{t('noCaption')}</em>}
            </p>
            {file.publicCaption ? <FoundDetails locale={locale} found={suggestRedactions(file.publicCaption)} label={t('captionStillContains')} /> : null}
            <p className="text-xs text-muted">
              SHA-256 <code className="break-all">{file.sha256}</code>
              {file.keptOriginal ? <>{partSeparator(locale)}{t('originalKept')}</> : null}
            </p>
            {editable ? (
              <>
                <AttachmentCaptionForm
                  action={actions.caption}
                  locale={locale}
                  testimonyId={review.id}
                  attachmentId={file.id}
                  start={file.publicCaption ?? (file.caption ? applyRedactions(file.caption, suggestRedactions(file.caption), review.language) : '')}
                  labels={captionLabels}
                  found={suggestRedactions(file.publicCaption ?? '').length > 0}
                />
                <AttachmentVisibilityForm action={actions.visibility} locale={locale} testimonyId={review.id} attachmentId={file.id} visibility={file.visibility} canBePublic={file.canBePublic} labels={labels} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
