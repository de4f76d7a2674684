import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { requirePageAccess } from '@/lib/authz/page-access';
import { formatDate, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { listQueue, queueStatuses, type QueueStatus } from '@/lib/moderation/queue';
import { ActionForm } from '@/components/moderation/action-form';
import { claimNextAction } from './testimonies/actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ status?: string; cursor?: string; language?: string; minor?: string; files?: string }> };

const cell = 'border-b border-line px-3 py-2 text-start align-top';

export default async function QueuePage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const query = await searchParams;
  const viewer = await requirePageAccess({ permission: 'moderation.queue.read' }, { locale, path: `/${locale}/staff` });
  const t = await getTranslations({ locale, namespace: 'Staff' });
  const tm = await getTranslations({ locale, namespace: 'Moderation' });
  const te = await getTranslations({ locale, namespace: 'Errors' });
  const status = queueStatuses.find((s) => s === query.status) as QueueStatus | undefined;
  const db = await getDb();
  const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
  const language = (['fa', 'en'] as const).find((l) => l === query.language);
  const filters = { status, language, minor: query.minor === 'on', hasFiles: query.files === 'on' };
  // Carried over to the next page, so the keyset continues within the same filters.
  const filterParams: Record<string, string> = {
    ...(status ? { status } : {}),
    ...(language ? { language } : {}),
    ...(filters.minor ? { minor: 'on' } : {}),
    ...(filters.hasFiles ? { files: 'on' } : {}),
  };
  const page = await listQueue(db, viewer, { ...filters, cursor }).catch((error: unknown) => {
    // A mangled cursor is not worth an error page: start from the beginning.
    if (error instanceof AppError && error.code === 'invalid_input') return listQueue(db, viewer, filters);
    throw error;
  });
  const languageName = (code: string) => (code === 'fa' || code === 'en' ? t(`languages.${code}`) : code);
  const nextHref = page.nextCursor
    ? `/${locale}/staff?${new URLSearchParams({ ...filterParams, cursor: page.nextCursor })}`
    : null;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <section aria-labelledby="queue-counts" className="mt-4">
        <h2 id="queue-counts" className="text-lg font-semibold">
          {t('countsHeading')}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-4">
          {queueStatuses.map((s) => (
            <li key={s}>
              {t(`statuses.${s}`)}: <strong>{formatNumber(page.counts[s], locale)}</strong>
            </li>
          ))}
        </ul>
      </section>
      <ActionForm action={claimNextAction} notices={{ errors: { unexpected: te('unexpected'), conflict: te('conflict') }, results: { empty: tm('nothingToClaim') } }} className="mt-4">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="rounded border border-muted bg-white px-4 py-2 font-semibold">
          {tm('claimNext')}
        </button>
      </ActionForm>
      <form method="get" action={`/${locale}/staff`} className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="queue-status" className="block font-medium">
            {t('statusFilter')}
          </label>
          <select id="queue-status" name="status" defaultValue={status ?? ''} className="mt-1 rounded border border-muted bg-white px-3 py-2">
            <option value="">{t('allStatuses')}</option>
            {queueStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-language" className="block font-medium">
            {tm('languageFilter')}
          </label>
          <select id="queue-language" name="language" defaultValue={language ?? ''} className="mt-1 rounded border border-muted bg-white px-3 py-2">
            <option value="">{tm('allLanguages')}</option>
            <option value="fa">{t('languages.fa')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        </div>
        <label className="flex items-center gap-2 py-2">
          <input type="checkbox" name="minor" defaultChecked={filters.minor} />
          {tm('minorFilter')}
        </label>
        <label className="flex items-center gap-2 py-2">
          <input type="checkbox" name="files" defaultChecked={filters.hasFiles} />
          {tm('filesFilter')}
        </label>
        <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">
          {t('show')}
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="mt-6">{t('emptyQueue')}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse">
            <caption className="text-start font-semibold">{t('queueCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={cell}>{t('colSubmitted')}</th>
                <th scope="col" className={cell}>{t('colPersons')}</th>
                <th scope="col" className={cell}>{t('colStatus')}</th>
                <th scope="col" className={cell}>{t('colLanguage')}</th>
                <th scope="col" className={cell}>{tm('colHeldBy')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <a href={`/${locale}/staff/testimonies/${item.id}`}>{formatDate(item.submittedAt, locale)}</a>
                  </th>
                  <td className={cell}>
                    {item.persons.length
                      ? item.persons.map((p) => (locale === 'en' && p.nameLatin ? p.nameLatin : p.nameFa)).join(locale === 'fa' ? '، ' : ', ')
                      : t('noPersons')}
                  </td>
                  <td className={cell}>{t(`statuses.${item.status}`)}</td>
                  <td className={cell}>{languageName(item.language)}</td>
                  <td className={cell}>{item.heldBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('pagination')} className="mt-4 flex gap-4">
        {query.cursor && <a href={`/${locale}/staff?${new URLSearchParams(filterParams)}`}>{t('firstPage')}</a>}
        {nextHref && <a href={nextHref}>{t('nextPage')}</a>}
      </nav>
    </>
  );
}
