// Who holds the testimony, and the claim, take-over and release buttons.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import type { Locale } from '@/lib/i18n/routing';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm, type FormNotices } from './action-form';
import { isolate } from '@/components/layout/isolate';

const button = 'rounded border border-muted px-4 py-2 hover:bg-white';

export async function ClaimPanel({ locale, review, actions, notices }: { locale: Locale; review: ReviewDto; actions: { claim: FormAction<unknown>; release: FormAction<unknown> }; notices: FormNotices }) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const hidden = (
    <>
      <input type="hidden" name="testimonyId" value={review.id} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  if (review.isOwn) return <p role="note" className="mt-4 font-semibold">{t('ownTestimony')}</p>;
  // A submitted testimony, or a published one's newer revision nobody holds (and not approved yet).
  if (review.status === 'submitted' || (review.revisionInReview && !review.claim && review.approvedText === null)) {
    return (
      <ActionForm action={actions.claim} notices={notices} className="mt-4">
        {hidden}
        <button type="submit" className={button}>{t('claim')}</button>
      </ActionForm>
    );
  }
  if (!review.claim) return null;
  if (review.claim.heldByViewer) {
    return (
      <div className="mt-4">
        <p>{t('heldByYou')}</p>
        <ActionForm action={actions.release} notices={notices} className="mt-2">
          {hidden}
          <button type="submit" className={button}>{t('release')}</button>
        </ActionForm>
      </div>
    );
  }
  return (
    <div className="mt-4">
      <p>{t.rich(review.claim.expired ? 'heldByExpired' : 'heldBy', { username: review.claim.holder ?? '—', isolate })}</p>
      <ActionForm action={actions.claim} notices={notices} className="mt-2">
        {hidden}
        <input type="hidden" name="takeover" value="yes" />
        <button type="submit" className={button}>{t('takeOver')}</button>
      </ActionForm>
    </div>
  );
}
