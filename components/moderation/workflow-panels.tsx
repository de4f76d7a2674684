// The review screen's workflow parts (issue 5): what kind of item this is (an edit of a published
// testimony, a possible coordinated submission) and, under four-eyes, the second approval — the
// preview of exactly the text the first moderator approved, and the decisions on it.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { buildPreview } from '@/lib/moderation/preview';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm, type FormNotices } from './action-form';
import { DecisionForms, publishParts } from './decision-forms';
import { NotIdentifyingFieldset } from './publish-controls';
import { RedactionPreviewSection } from './redaction-preview';
import { isolate } from '@/components/layout/isolate';

export async function WorkflowNotices({ locale, review }: { locale: Locale; review: ReviewDto }) {
  const t = await getTranslations({ locale, namespace: 'Workflow' });
  return (
    <>
      {review.revisionInReview ? <p role="note" className="mt-4 rounded border border-line bg-white p-3">{t('editedNotice')}</p> : null}
      {review.similar.length > 0 ? (
        <section aria-labelledby="coordinated" className="mt-4 rounded border border-red-800 p-3">
          <h2 id="coordinated" className="font-semibold text-red-800">{t('coordinatedHeading')}</h2>
          <p className="mt-1">{t('coordinatedHint')}</p>
          <ul className="mt-1 list-disc ps-6">
            {review.similar.map((s) => (
              <li key={s.id}>
                <a href={`/${locale}/staff/testimonies/${s.id}`}>{t('similarLink', { percent: Math.round(s.similarity * 100) })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

type ApprovalProps = {
  locale: Locale;
  review: ReviewDto;
  actions: { publish: FormAction<unknown>; reject: FormAction<unknown>; requestChanges: FormAction<unknown> };
  notices: FormNotices;
};

/** Shown while an approved item waits for its second approval (nobody holds it meanwhile). */
export async function SecondApprovalPanel({ locale, review, actions, notices }: ApprovalProps) {
  if (review.approvedText === null || !review.revision || review.isOwn) return null;
  const t = await getTranslations({ locale, namespace: 'Workflow' });
  const mine = review.approvals.some((a) => a.byViewer);
  const preview = buildPreview(review, review.approvedText);
  const publish = await publishParts(locale, preview);
  return (
    <section aria-labelledby="second-approval" className="mt-8">
      <h2 id="second-approval" className="text-xl font-semibold">{t('secondApprovalHeading')}</h2>
      <ul className="mt-2">
        {review.approvals.map((a) => (
          <li key={a.at.toISOString()}>{t.rich('approvedBy', { username: a.moderator ?? '—', date: formatDate(a.at, locale), isolate })}</li>
        ))}
      </ul>
      {mine ? (
        <p role="note" className="mt-2 font-semibold">{t('youApproved')}</p>
      ) : (
        <>
          <p className="mt-2">{t('secondApprovalHint')}</p>
          <RedactionPreviewSection locale={locale} preview={preview} />
          <DecisionForms
            locale={locale}
            testimonyId={review.id}
            publish={
              <ActionForm action={actions.publish} notices={notices}>
                <input type="hidden" name="testimonyId" value={review.id} />
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="revisionId" value={review.revision.id} />
                <input type="hidden" name="version" value={review.revision.redactionVersion} />
                <input type="hidden" name="redactedNarrative" value={review.approvedText} />
                <NotIdentifyingFieldset items={publish.remaining} legend={publish.labels.confirmLegend} language={review.language} />
                <p className="mt-2">{publish.labels.hint}</p>
                <button type="submit" className="mt-2 rounded border border-muted bg-green-100 px-4 py-2 font-semibold hover:bg-white">{publish.labels.button}</button>
              </ActionForm>
            }
            actions={review.revisionInReview ? { reject: actions.reject } : actions}
            notices={notices}
          />
        </>
      )}
    </section>
  );
}
