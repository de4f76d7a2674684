import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { ThreadDto } from '@/lib/messages';
import type { FormAction } from '@/components/forms/action-state';
import { ReplyForm, type ReplyResult } from './reply-form';
import { partSeparator } from '@/lib/i18n/separator';

type Props = { replyAction: FormAction<ReplyResult>; locale: Locale; canReply: boolean; /** An answer was just sent (`?replied=`). */ replied?: boolean } & ({ thread: ThreadDto } | { thread: null; testimonyId: string });

/**
 * The thread with moderators, as the submitter sees it: never which moderator wrote. Without a
 * thread (the database is down) only the reply form, which then shows the "try again" notice or
 * gives back an answer just posted.
 */
export async function MessageThread(props: Props) {
  const { locale, thread, canReply } = props;
  const t = await getTranslations({ locale, namespace: 'Messages' });
  return (
    <>
      {thread?.messages.length === 0 && <p className="mt-2 text-muted">{t('empty')}</p>}
      <ol className="mt-3 space-y-3">
        {thread?.messages.map((m) => (
          <li key={m.id} className={`rounded border border-line p-3 ${m.mine ? 'bg-white' : 'bg-line/40'}`}>
            <p className="text-sm text-muted">
              {m.mine ? t('fromYou') : t('fromStaff')}{partSeparator(locale)}<time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt, locale)}</time>
            </p>
            <p dir="auto" className="mt-1 whitespace-pre-wrap">
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      {/* Always in the page: the confirmation appearing in it after a reply with JavaScript is announced. */}
      <p role="status" className="mt-2 font-semibold">{props.replied ? t('replySent') : null}</p>
      {canReply && <ReplyForm action={props.replyAction} locale={locale} testimonyId={thread ? thread.testimonyId : props.testimonyId} unavailable={!thread} />}
    </>
  );
}
