// The context a moderator reads beside the text: consent, persons and their other testimonies,
// likely duplicates, internal notes and the message thread with the submitter.
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/forms/action-state';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { ThreadDto } from '@/lib/messages';
import type { ReviewDto } from '@/lib/moderation/review';
import { ActionForm, type FormNotices } from './action-form';
import { Revealed } from './review-text';
import { partSeparator } from '@/lib/i18n/separator';

type Props = {
  locale: Locale;
  review: ReviewDto;
  thread: ThreadDto;
  actions: { addNote: FormAction<unknown>; sendMessage: FormAction<unknown> };
  notices: FormNotices;
  /** A message or note was just added (`?sent=`, `?noted=` from the action's redirect): said in a status region. */
  posted: { message: boolean; note: boolean };
};

const field = 'mt-1 w-full rounded border border-muted bg-white p-2';
const button = 'mt-2 rounded border border-muted px-4 py-2 hover:bg-white';
const name = (locale: Locale, p: { nameFa: string; nameLatin: string | null }) => (locale === 'en' && p.nameLatin ? p.nameLatin : p.nameFa);

export async function ReviewContext({ locale, review, thread, actions, notices, posted }: Props) {
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  const hidden = (
    <>
      <input type="hidden" name="testimonyId" value={review.id} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  const c = review.consent;
  return (
    <>
      <section aria-labelledby="consent" className="mt-8">
        <h2 id="consent" className="text-xl font-semibold">{t('consentHeading')}</h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t('consentPublish')}</dt>
          <dd>{t(`consent.${c.publish}`)}</dd>
          <dt>{t('consentCredit')}</dt>
          <dd>
            {t(`consent.${c.credit}`)}
            {c.credit === 'chosen_name' && c.creditName ? <> — <bdi><Revealed text={c.creditName} /></bdi></> : null}
          </dd>
          <dt>{t('consentPortrait')}</dt>
          <dd>{t(c.portraitPublic ? 'yes' : 'no')}</dd>
          <dt>{t('consentPlace')}</dt>
          <dd>{t(c.exactPlacePublic ? 'yes' : 'no')}</dd>
          <dt>{t('consentContact')}</dt>
          <dd>{t(c.mayContact ? 'yes' : 'no')}</dd>
        </dl>
      </section>
      <section aria-labelledby="persons" className="mt-8">
        <h2 id="persons" className="text-xl font-semibold">{t('personsHeading')}</h2>
        {review.persons.length === 0 ? <p className="mt-2">{t('noPersons')}</p> : null}
        <ul className="mt-2 space-y-2">
          {review.persons.map((p) => (
            <li key={p.id}>
              <a href={`/${locale}/staff/persons/${p.id}`} className="font-semibold"><bdi><Revealed text={name(locale, p)} /></bdi></a> ({t(`personStatus.${p.status}`)})
              {p.otherTestimonies.length ? (
                <ul className="ps-6">
                  {p.otherTestimonies.map((o) => (
                    <li key={o.id}>
                      <a href={`/${locale}/staff/testimonies/${o.id}`}>{t('otherTestimony', { status: t(`status.${o.status}`) })}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {review.duplicates.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t('duplicatesHeading')}</h3>
            <ul className="mt-1 list-disc ps-6">
              {review.duplicates.map((d) => (
                <li key={d.id}>
                  <a href={`/${locale}/staff/persons/${d.id}`}><bdi><Revealed text={name(locale, d)} /></bdi></a> ({t(`personStatus.${d.status}`)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section id="notes" aria-labelledby="notes-heading" className="mt-8">
        <h2 id="notes-heading" className="text-xl font-semibold">{t('notesHeading')}</h2>
        <ul className="mt-2 space-y-2">
          {review.notes.map((n) => (
            <li key={n.id} className="rounded border border-line bg-white p-2">
              <p className="text-sm text-muted">{n.author ?? '—'}{partSeparator(locale)}{formatDate(n.createdAt, locale)}</p>
              <p dir="auto" className="whitespace-pre-wrap">{n.body}</p>
            </li>
          ))}
        </ul>
        <p role="status" className="mt-2 text-sm font-semibold">{posted.note ? t('noteAdded') : null}</p>
        <ActionForm action={actions.addNote} notices={notices} className="mt-2">
          {hidden}
          <label htmlFor="note-body" className="block font-medium">{t('addNoteLabel')}</label>
          <textarea id="note-body" name="body" rows={3} dir="auto" className={field} required />
          <button type="submit" className={button}>{t('addNote')}</button>
        </ActionForm>
      </section>
      <section id="messages" aria-labelledby="messages-heading" className="mt-8">
        <h2 id="messages-heading" className="text-xl font-semibold">{t('messagesHeading')}</h2>
        <ol className="mt-2 space-y-2">
          {thread.messages.map((m) => (
            <li key={m.id} className="rounded border border-line bg-white p-2">
              <p className="text-sm text-muted">{m.from === 'submitter' ? t('fromSubmitter') : (m.authorName ?? t('fromStaff'))}{partSeparator(locale)}{formatDate(m.createdAt, locale)}</p>
              <p dir="auto" className="whitespace-pre-wrap"><Revealed text={m.body} /></p>
            </li>
          ))}
        </ol>
        <p role="status" className="mt-2 text-sm font-semibold">{posted.message ? t('messageSent') : null}</p>
        {thread.mayContact ? (
          <ActionForm action={actions.sendMessage} notices={notices} className="mt-2">
            {hidden}
            <label htmlFor="message-body" className="block font-medium">{t('sendMessageLabel')}</label>
            <textarea id="message-body" name="body" rows={3} dir="auto" className={field} required />
            <button type="submit" className={button}>{t('sendMessage')}</button>
          </ActionForm>
        ) : (
          <p className="mt-2">{t('contactNotAllowed')}</p>
        )}
      </section>
    </>
  );
}
