// A published testimony's emergency steps on its review page (walk finding B): whether readers can
// find it now, a takedown at once, and a correction of the published redaction. Shown to any
// moderator who did not submit it; lib/moderation/correction.ts checks it all again.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm, type FormNotices } from './action-form';
import { CorrectionForm } from './correction-form';
import { FoundDetails } from './found-details';
import { suggestRedactions, type RedactionKind } from '@/lib/moderation/redaction';
import { creditCheckKey, looksLikeFullName } from '@/lib/moderation/credit-check';

const kinds: RedactionKind[] = ['phone', 'email', 'national_id', 'postal_code', 'plate', 'url', 'address'];

type Props = {
  locale: Locale;
  review: Pick<ReviewDto, 'id' | 'language' | 'published' | 'consent'>;
  actions: { unpublish: FormAction<unknown>; correct: FormAction };
  notices: FormNotices;
};

export async function PublishedPanel({ locale, review, actions, notices }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return (
    <section aria-labelledby="published-steps" className="mt-8 rounded border-2 border-red-700 p-4">
      <h2 id="published-steps" className="text-xl font-semibold">{t('publishedStepsHeading')}</h2>
      <ActionForm action={actions.unpublish} notices={notices} className="mt-2">
        <input type="hidden" name="testimonyId" value={review.id} />
        <input type="hidden" name="locale" value={locale} />
        <p>{t('unpublishHint')}</p>
        <button type="submit" className="mt-2 rounded border border-red-700 bg-red-50 px-4 py-2 font-semibold text-red-900 hover:bg-white">{t('unpublish')}</button>
      </ActionForm>
      {review.published ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">{t('correctHeading')}</h3>
          <FoundDetails locale={locale} found={suggestRedactions(review.published.text)} label={t('publicStillContains')} />
          <CorrectionForm
            action={actions.correct}
            locale={locale}
            testimonyId={review.id}
            publishedRevisionId={review.published.revisionId}
            published={review.published.text}
            language={review.language}
            labels={{
              label: t('correctLabel'),
              hint: t('correctHint'),
              confirm: t('correctConfirm'),
              save: t('correctSave'),
              savedMeanwhile: t('correctedMeanwhile'),
              restoredWords: t('redactionRestoredWords'),
              restoreConfirm: t('redactionRestoreConfirm'),
              confirmLegend: t('notIdentifyingLegend'),
            }}
            kinds={Object.fromEntries(kinds.map((kind) => [kind, t(`kinds.${kind}`)]))}
            credit={review.consent.publish === 'public' && review.consent.credit === 'chosen_name' && looksLikeFullName(review.consent.creditName) ? { key: creditCheckKey, label: t('creditItem'), text: review.consent.creditName! } : null}
          />
        </>
      ) : null}
    </section>
  );
}
