import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { isDatabaseUnavailable, withDb } from '@/lib/db';
import { FormMessages } from '@/components/forms/form-messages';
import { FormNotice } from '@/components/forms/form-alert';
import { MessageThread } from '@/components/submit/message-thread';
import { Timeline } from '@/components/submit/timeline';
import { WithdrawForm } from '@/components/submit/withdraw-form';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/i18n/dates';
import { routing } from '@/lib/i18n/routing';
import { listThread } from '@/lib/messages';
import { getOwnTestimony } from '@/lib/testimonies';
import { replyToModeratorsAction, withdrawTestimonyAction } from '../actions';
import { aboutLabel } from '@/lib/testimonies/about-label';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A neutral title: no person's name.
export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'MyTestimonies' }))('detailTitle'), robots: { index: false } };
}

const doneKeys = ['submitted', 'revised', 'unchanged', 'withdrawn'] as const;

export default async function MyTestimonyPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const loaded = await (async () => {
    const viewer = await requirePageAccess({ permission: 'testimony.read.own' }, { locale, path: `/${locale}/my-testimonies/${id}` });
    // The thread beside the testimony (issue 21: a round trip in sequence after it). listThread checks
    // for itself that the testimony is the viewer's; its answer is used only once the testimony is
    // found, so a refusal is the testimony read's to report.
    const thread = withDb(listThread, viewer, id);
    thread.catch(() => {});
    // Someone else's testimony, a draft of theirs, or an id that never existed: the same 404.
    const item = await withDb(getOwnTestimony, viewer, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    });
    return { item, thread: await thread };
  })().catch((error: unknown) => {
    // The database is down: only the reply form, so that an answer posted without JavaScript comes
    // back as typed with the "try again" notice (it shows nothing of the testimony).
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const t = await getTranslations('MyTestimonies');
  // While the database is down only the reply form is rendered (nothing of the testimony), in the
  // same place in the tree as always: React gives a post's answer back to the form at that place.
  const item = loaded?.item;
  const s = await getTranslations('Submit');
  const done = (await searchParams).done;
  const replied = !!(await searchParams).replied;
  const r = item?.revision;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p>
        <a href={`/${locale}/my-testimonies`}>{t('title')}</a>
      </p>
      <h1 className="mt-2 text-3xl font-bold" dir="auto">
        {item ? aboutLabel(item.about, locale) || t('aboutUnknown') : t('detailTitle')}
      </h1>
      {item && (
        <>
      {doneKeys.includes(done as never) && <FormNotice>{t(`done.${done as 'submitted'}`)}</FormNotice>}
      <p className="mt-3">
        {t('statusLabel')}: <strong>{t(`status.${item.shownStatus}`)}</strong>
      </p>
      {item.revisionInReview && <p className="text-sm">{t('revisionInReview')}</p>}
      {item.editable.length > 0 && (
        <p className="mt-3">
          <a href={`/${locale}/submit/${item.id}/${item.editable[0]}`} className="font-semibold">
            {item.status === 'draft' ? t('continueDraft') : t('edit')}
          </a>
        </p>
      )}
      <h2 className="mt-6 text-xl font-semibold">{t('timeline')}</h2>
      <Timeline locale={locale} events={item.timeline} />
      <section aria-labelledby="revision-heading" className="mt-8 border-t border-line pt-4">
        <h2 id="revision-heading" className="text-xl font-semibold">
          {r ? t('revisionHeading', { n: r.number }) : t('noRevision')}
        </h2>
        {r && (
          <dl>
            <dt className="mt-3 font-medium">{t('relationship')}</dt>
            <dd>{s(`account.relationships.${r.relationship}`)}</dd>
            {r.eventDate && (
              <>
                <dt className="mt-3 font-medium">{t('eventDate')}</dt>
                <dd>{formatDate(r.eventDate, locale, { precision: r.eventDatePrecision === 'month' ? 'month' : 'exact' })}</dd>
              </>
            )}
            {r.eventPlace && (
              <>
                <dt className="mt-3 font-medium">{t('eventPlace')}</dt>
                <dd dir="auto">{r.eventPlace}</dd>
              </>
            )}
            <dt className="mt-3 font-medium">{s('account.narrative')}</dt>
            <dd dir="auto" className="whitespace-pre-wrap">
              {r.narrative}
            </dd>
          </dl>
        )}
      </section>
        </>
      )}
      <section aria-labelledby="messages-heading" className="mt-8 border-t border-line pt-4">
        <h2 id="messages-heading" className="text-xl font-semibold">
          {t('messagesHeading')}
        </h2>
        <FormMessages namespaces={['Messages']}>
          {/* Replies only once moderators can see it, and never on a closed testimony. */}
          {loaded ? (
            <MessageThread replyAction={replyToModeratorsAction} locale={locale} thread={loaded.thread} canReply={!['draft', 'withdrawn', 'rejected'].includes(loaded.item.status)} replied={replied} />
          ) : (
            <MessageThread replyAction={replyToModeratorsAction} locale={locale} thread={null} testimonyId={id} canReply />
          )}
        </FormMessages>
      </section>
      {item?.canWithdraw && (
        // The withdraw form's own four keys (and FormAlert's Errors), not all of MyTestimonies (~2 KB of flight data, issue 21).
        <FormMessages namespaces={['MyTestimonies.withdrawSummary', 'MyTestimonies.withdrawText', 'MyTestimonies.withdrawConfirm', 'MyTestimonies.withdrawButton']}>
          <WithdrawForm action={withdrawTestimonyAction} locale={locale} testimonyId={item.id} />
        </FormMessages>
      )}
    </div>
  );
}
