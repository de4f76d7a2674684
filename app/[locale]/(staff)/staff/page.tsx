import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { CursorPager, StaffTable, staffCell } from '@/components/staff/staff-table';
import { withDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requirePageAccess } from '@/lib/authz/page-access';
import { formatDate, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { provinceCodes } from '@/lib/geo/provinces';
import { listQueue, listQueueCollections, queueStatuses, type QueueFilters } from '@/lib/moderation/queue';
import { FormMessages } from '@/components/forms/form-messages';
import { ActionForm } from '@/components/moderation/action-form';
import { DecisionNotice } from '@/components/moderation/decision-notice';
import { QueueFilterForm } from '@/components/moderation/queue-filters';
import { claimNextAction } from './testimonies/actions';
import { partSeparator } from '@/lib/i18n/separator';

type Query = { status?: string; decided?: string; cursor?: string; collection?: string; province?: string; language?: string; minor?: string; files?: string; flagged?: string };
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Query> };

/** Only known values pass; anything else in the URL is ignored rather than an error page. */
function parseFilters(query: Query): QueueFilters {
  const one = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    status: queueStatuses.find((s) => s === query.status),
    collection: one(query.collection)?.slice(0, 200),
    province: provinceCodes.find((c) => c === query.province),
    language: (['fa', 'en'] as const).find((l) => l === query.language),
    minor: query.minor === 'on',
    hasFiles: query.files === 'on',
    flagged: query.flagged === 'on',
  };
}

/** The filters as URL parameters, so the keyset's next page continues within them. */
function filterParamsOf(f: QueueFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['status', 'collection', 'province', 'language'] as const) if (f[key]) params[key] = f[key]!;
  if (f.minor) params.minor = 'on';
  if (f.hasFiles) params.files = 'on';
  if (f.flagged) params.flagged = 'on';
  return params;
}

export default async function QueuePage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const query = await searchParams;
  const viewer = await requirePageAccess({ permission: 'moderation.queue.read' }, { locale, path: `/${locale}/staff` });
  const t = await getTranslations({ locale, namespace: 'Staff' });
  const tm = await getTranslations({ locale, namespace: 'Moderation' });
  const tq = await getTranslations({ locale, namespace: 'Queue' });
  const columns = [t('colSubmitted'), t('colPersons'), t('colStatus'), t('colLanguage'), tm('colHeldBy'), tq('colAttention')];
  const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
  const filters = parseFilters(query);
  const filterParams = filterParamsOf(filters);
  // The filter form's collections beside the page (issue 21: one round trip fewer in sequence).
  const [page, collections] = await Promise.all([
    withDb(listQueue, viewer, { ...filters, cursor }).catch((error: unknown) => {
      // A mangled cursor is not worth an error page: start from the beginning.
      if (error instanceof AppError && error.code === 'invalid_input') return withDb(listQueue, viewer, filters);
      throw error;
    }),
    withDb(listQueueCollections, viewer),
  ]);
  const languageName = (code: string) => (code === 'fa' || code === 'en' ? t(`languages.${code}`) : code);

  return (
    <>
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <DecisionNotice locale={locale} decided={query.decided} />
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
      {/* "Claim next" (ActionForm: FormAlert and its result) reads Errors only: no Validation or FormGate in every queue page's flight data (issue 21). */}
      <FormMessages namespaces={['Moderation.nothingToClaim']} common={['Errors']}>
        <ActionForm action={claimNextAction} notices={{ results: { empty: 'Moderation.nothingToClaim' } }} className="mt-4">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded border border-muted bg-white px-4 py-2 font-semibold">
            {tm('claimNext')}
          </button>
        </ActionForm>
      </FormMessages>
      <QueueFilterForm locale={locale} filters={filters} collections={collections} />
      {page.items.length === 0 ? (
        <p className="mt-6">{t('emptyQueue')}</p>
      ) : (
        <StaffTable
          caption={t('queueCaption')}
          columns={columns}
          stacked
        >
              {page.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" data-label={columns[0]} className={`${staffCell} font-normal`}>
                    <a href={`/${locale}/staff/testimonies/${item.id}`}>{formatDate(item.submittedAt, locale)}</a>
                  </th>
                  <td data-label={columns[1]} className={staffCell}>
                    {/* Each name isolated: a name typed with a leading quote or in another script keeps its place. */}
                    {item.persons.length
                      ? item.persons.map((p, i) => (
                          <span key={i}>
                            {i > 0 ? (locale === 'fa' ? '، ' : ', ') : null}
                            <bdi>{locale === 'en' && p.nameLatin ? p.nameLatin : p.nameFa}</bdi>
                          </span>
                        ))
                      : t('noPersons')}
                  </td>
                  <td data-label={columns[2]} className={staffCell}>
                    {t(`statuses.${item.status}`)}
                    {item.awaitingSecondApproval && item.status === 'edited' ? <>{partSeparator(locale)}{tq('statuses.awaiting_approval')}</> : null}
                  </td>
                  <td data-label={columns[3]} className={staffCell}>{languageName(item.language)}</td>
                  <td data-label={columns[4]} className={staffCell}>{item.heldBy ? <bdi>{item.heldBy}</bdi> : '—'}</td>
                  <td data-label={columns[5]} className={staffCell}>
                    {[item.flagged && tq('flagged'), item.concernsMinor && tq('minor')].filter(Boolean).join(partSeparator(locale)) || '—'}
                  </td>
                </tr>
              ))}
        </StaffTable>
      )}
      <CursorPager
        label={t('pagination')}
        path={`/${locale}/staff`}
        params={filterParams}
        paged={!!query.cursor}
        nextCursor={page.nextCursor}
        firstLabel={t('firstPage')}
        nextLabel={t('nextPage')}
      />
    </>
  );
}
