import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { CursorPager, StaffTable, staffCell } from '@/components/staff/staff-table';
import { withDb } from '@/lib/db';
import { browseAuditLog, verifyAuditLog, type AuditFilters } from '@/lib/audit/browse';
import { viewActionFamily } from '@/lib/audit/views';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import { formatDateTime, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { asciiDigits } from '@/lib/validation/testimony';

type Query = Record<'action' | 'actor' | 'targetType' | 'targetId' | 'from' | 'to' | 'cursor' | 'verify', string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Partial<Query>> };

const field = 'mt-1 rounded border border-muted bg-white px-3 py-2';
const filterNames = ['action', 'actor', 'targetType', 'targetId', 'from', 'to'] as const;
const one = (v: unknown, max: number) => (typeof v === 'string' ? asciiDigits(v.trim()).slice(0, max) : '');

export default async function AuditLogPage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const query = await searchParams;
  const viewer = await requirePageAccess({ permission: 'audit.read' }, { locale, path: `/${locale}/staff/audit` });
  const t = await getTranslations({ locale, namespace: 'AuditLog' });
  const ts = await getTranslations({ locale, namespace: 'Staff' });

  const filters = Object.fromEntries(filterNames.map((name) => [name, one(query[name], 100)]).filter(([, v]) => v)) as AuditFilters;
  const cursor = one(query.cursor, 20) || undefined;
  // A malformed date or cursor: say so, and show the newest entries instead.
  const { page, invalid } = await withDb(browseAuditLog, viewer, { ...filters, cursor }).then(
    (page) => ({ page, invalid: false }),
    async (error: unknown) => {
      if (!(error instanceof AppError && error.code === 'invalid_input')) throw error;
      return { page: await withDb(browseAuditLog, viewer, {}), invalid: true };
    },
  );
  const chain = query.verify === '1' ? await withDb(verifyAuditLog, viewer) : null;
  const filterParams = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <section aria-labelledby="chain-heading" className="mt-4">
        <h2 id="chain-heading" className="text-lg font-semibold">{t('chainHeading')}</h2>
        {chain && (
          <p role="status" className={`mt-2 rounded border px-3 py-2 ${chain.ok ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50 font-semibold'}`}>
            {chain.ok
              ? t('chainOk', { entries: formatNumber(chain.entries, locale) })
              : t('chainBroken', {
                  id: chain.broken.id,
                  action: chain.broken.action ?? '?',
                  time: chain.broken.createdAt ? formatDateTime(chain.broken.createdAt, locale) : '?',
                  reason: t(`reasons.${chain.broken.reason}`),
                  verified: formatNumber(chain.verifiedBefore, locale),
                })}
          </p>
        )}
        <form method="get" action={`/${locale}/staff/audit`} className="mt-2">
          {Object.entries(filterParams).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('verify')}</button>
        </form>
      </section>

      <search aria-labelledby="audit-filter-heading" className="mt-6 block">
        <h2 id="audit-filter-heading" className="text-lg font-semibold">{t('filterHeading')}</h2>
        {invalid && <p role="alert" className="mt-2 font-semibold text-red-800">{t('invalidFilter')}</p>}
        <form method="get" action={`/${locale}/staff/audit`} className="mt-2 flex flex-wrap items-end gap-3">
          {filterNames.map((name) => (
            <div key={name}>
              <label htmlFor={`audit-${name}`} className="block font-medium">{t(`filters.${name}`)}</label>
              <input
                id={`audit-${name}`}
                name={name}
                type={name === 'from' || name === 'to' ? 'date' : 'text'}
                defaultValue={filters[name] ?? ''}
                dir="ltr"
                spellCheck={false}
                autoComplete="off"
                className={field}
              />
            </div>
          ))}
          <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">{t('show')}</button>
        </form>
        <p className="mt-1 text-sm text-muted">{t('filterHint')}</p>
        <p className="mt-2">
          <a href={`/${locale}/staff/audit?action=${viewActionFamily}`} className="underline">{t('viewsOnly')}</a>
        </p>
      </search>

      {page.items.length === 0 ? (
        <p className="mt-6">{t('none')}</p>
      ) : (
        <StaffTable caption={t('caption')} columns={(['colId', 'colTime', 'colAction', 'colActor', 'colTarget', 'colDetails'] as const).map((c) => t(c))} small>
              {page.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className={`${staffCell} font-normal`}>{e.id}</th>
                  <td className={staffCell}>{formatDateTime(e.createdAt, locale)}</td>
                  <td className={staffCell} dir="ltr">{e.action}</td>
                  <td className={staffCell}>{e.actor ? <bdi>{e.actor}</bdi> : t('system')}</td>
                  <td className={staffCell} dir="ltr">
                    {e.targetType}
                    {e.targetId ? <span className="block font-mono text-xs">{e.targetId}</span> : null}
                  </td>
                  <td className={`${staffCell} font-mono text-xs`} dir="ltr">
                    {Object.keys(e.details).length ? JSON.stringify(e.details) : '—'}
                  </td>
                </tr>
              ))}
        </StaffTable>
      )}
      <CursorPager
        label={ts('pagination')}
        path={`/${locale}/staff/audit`}
        params={filterParams}
        paged={!!cursor}
        nextCursor={page.nextCursor}
        firstLabel={ts('firstPage')}
        nextLabel={ts('nextPage')}
      />
    </>
  );
}
