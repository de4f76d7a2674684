import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { withDb } from '@/lib/db';
import { FormMessages } from '@/components/forms/form-messages';
import { ClaimPanel } from '@/components/moderation/claim-panel';
import { DecisionForms, publishParts } from '@/components/moderation/decision-forms';
import { PublishControls } from '@/components/moderation/publish-controls';
import { DecisionNotice } from '@/components/moderation/decision-notice';
import { RedactionFormScope } from '@/components/moderation/redaction-form';
import { RedactionPanel } from '@/components/moderation/redaction-panel';
import { ReviewContext } from '@/components/moderation/review-context';
import { ReviewFiles } from '@/components/moderation/review-files';
import { DiffText, RevealedText } from '@/components/moderation/review-text';
import { SecondApprovalPanel, WorkflowNotices } from '@/components/moderation/workflow-panels';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/routing';
import { listReviewAttachments } from '@/lib/media/review-files';
import { listThread } from '@/lib/messages';
import { hasBidiControls } from '@/lib/moderation/bidi';
import { buildPreview } from '@/lib/moderation/preview';
import { suggestRedactions } from '@/lib/moderation/redaction';
import { getReview } from '@/lib/moderation/review';
import { getPublicationPreview } from '@/lib/moderation/publication-preview';
import { getPersonEditors } from '@/lib/persons/read';
import { PublicationReview } from '@/components/moderation/publication-review';
import { PublishedPanel } from '@/components/moderation/published-panel';
import { wordDiff } from '@/lib/moderation/word-diff';
import { setAttachmentVisibilityAction, setPublicCaptionAction } from '../../attachments/actions';
import { updatePersonAction } from '../../persons/actions';
import * as actions from '../actions';
import { correctRedactionAction, setCreditAction, unpublishAction } from './actions';
import { CreditPanel } from '@/components/moderation/credit-panel';
import { EarlierRedaction } from '@/components/moderation/earlier-redaction';
import { partSeparator } from '@/lib/i18n/separator';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ publication?: string; decided?: string; sent?: string; noted?: string; file?: string; shown?: string }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  await connection();
  const { locale, id } = await params;
  const viewer = await requirePageAccess({ permission: 'testimony.read.any' }, { locale, path: `/${locale}/staff/testimonies/${id}` });
  // Every other read needs only the id: the thread, the files, the publication preview and the
  // person editors start beside the review (issue 21: each was a round trip or two after it; the
  // preview and editors after the review's audit entry too), and are used only once the review has
  // found the testimony and recorded this view (view.review): nothing is shown before that entry has
  // committed. The preview waits for the review itself (what it found decides what is shown).
  const reviewRead = withDb(getReview, viewer, id);
  const beside = Promise.all([
    withDb(listThread, viewer, id, { partOfView: true }),
    withDb(listReviewAttachments, viewer, id),
    withDb(getPublicationPreview, viewer, id, reviewRead),
    withDb(getPersonEditors, viewer, id),
  ]);
  beside.catch(() => {}); // a refusal is the review's to report (not_found below)
  const review = await reviewRead.catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [thread, files, publication, records] = await beside;
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const query = await searchParams;
  // "Published" only when readers can find it: a documentation-only testimony that was approved is
  // kept, never public; one about no public person (e.g. after an unlink) is not on the memorial.
  const shownStatus = review.visibility === 'documentation_only' ? 'accepted' : review.visibility === 'no_public_person' ? 'not_shown' : review.status;
  // Catalogue keys, translated by the forms (FormMessages below gives them those messages).
  const notices = { results: { contact_not_allowed: 'Moderation.contactNotAllowed', closed: 'Moderation.threadClosed' } };

  const revision = review.revision;
  const suggestions = revision ? suggestRedactions(revision.narrative) : [];
  // Suggestions are only suggestions: until the moderator applies them or saves an edit, the text
  // to publish is the text as sent (the preview lists what still looks identifying).
  const draft = revision?.redactedNarrative ?? null;
  const redacted = revision ? (draft ?? revision.narrative) : '';
  const publicPreview = buildPreview(review, redacted, publication.files);
  const deciding = review.claim?.heldByViewer && revision && !review.isOwn && review.approvedText === null;
  const decisions = { publish: actions.publishAction, reject: actions.rejectAction, requestChanges: actions.requestChangesAction };

  return (
    <FormMessages namespaces={['Moderation.contactNotAllowed', 'Moderation.threadClosed', 'ReviewFiles.refusals']}>
      <p><a href={`/${locale}/staff`}>{t('backToQueue')}</a></p>
      <h1 className="mt-2 text-2xl font-bold">{t('reviewTitle')}</h1>
      <p className="mt-1">
        {t('statusLabel')} <strong>{t(`status.${shownStatus as 'published'}`)}</strong>
        {review.rejectReason ? <>{partSeparator(locale)}{t('rejectedFor', { reason: t(`rejectReasons.${review.rejectReason}`) })}</> : null}
      </p>
      <DecisionNotice locale={locale} decided={query.decided} />
      <WorkflowNotices locale={locale} review={review} />
      <ClaimPanel locale={locale} review={review} actions={{ claim: actions.claimAction, release: actions.releaseAction }} notices={notices} />
      <section aria-labelledby="text" className="mt-8">
        <h2 id="text" className="text-xl font-semibold">{t('textHeading', { number: revision?.number ?? 0 })}</h2>
        {revision && hasBidiControls(revision.narrative) ? <p role="note" className="mt-2 font-semibold text-red-800">{t('bidiWarning')}</p> : null}
        <p className="mt-1 text-sm text-muted">{t('linksNotClickable')}</p>
        {revision ? <RevealedText text={revision.narrative} language={review.language} /> : <p>{t('noText')}</p>}
        {revision && review.previousNarrative !== null ? (
          <details className="mt-4">
            <summary>{t('diffHeading')}</summary>
            <DiffText parts={wordDiff(review.previousNarrative, revision.narrative)} language={review.language} labels={{ added: t('diffAdded'), removed: t('diffRemoved') }} />
          </details>
        ) : null}
      </section>
      <ReviewFiles actions={{ visibility: setAttachmentVisibilityAction, caption: setPublicCaptionAction }} locale={locale} review={review} files={files} saved={{ file: query.file, shown: query.shown }} />
      {revision ? <PublicationReview personAction={updatePersonAction} locale={locale} testimonyId={review.id} preview={publication} records={records} testimony={publicPreview} outcome={query.publication} /> : null}
      {!review.isOwn && review.consent.publish === 'public' && ['in_review', 'awaiting_approval', 'published'].includes(review.status) ? <CreditPanel locale={locale} review={review} action={setCreditAction} notices={notices} /> : null}
      {deciding ? <EarlierRedaction locale={locale} review={review} action={actions.saveRedactionAction} /> : null}
      {deciding ? (
        <RedactionFormScope action={actions.saveRedactionAction} leaveWarning={t('unsavedLeave')}>
          <RedactionPanel locale={locale} language={review.language} testimonyId={review.id} revisionId={revision.id} suggestions={suggestions} draft={draft} redacted={redacted} version={revision.redactionVersion} preview={publicPreview} />
          <DecisionForms
            locale={locale}
            testimonyId={review.id}
            publish={<PublishControls language={review.language} {...await publishParts(locale, publicPreview)} />}
            actions={review.revisionInReview ? { reject: decisions.reject } : decisions}
            notices={notices}
          />
        </RedactionFormScope>
      ) : null}
      {review.status === 'published' && !review.isOwn ? <PublishedPanel locale={locale} review={review} actions={{ unpublish: unpublishAction, correct: correctRedactionAction }} notices={notices} /> : null}
      <SecondApprovalPanel locale={locale} review={review} actions={decisions} notices={notices} />
      <ReviewContext locale={locale} review={review} thread={thread} actions={{ addNote: actions.addNoteAction, sendMessage: actions.sendMessageAction }} notices={notices} posted={{ message: !!query.sent, note: !!query.noted }} />
    </FormMessages>
  );
}
