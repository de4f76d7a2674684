import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { CursorPager, StaffTable, staffCell } from '@/components/staff/staff-table';
import { withDb } from '@/lib/db';
import { FormMessages } from '@/components/forms/form-messages';
import { ActionForm } from '@/components/moderation/action-form';
import { requirePageAccess } from '@/lib/authz/page-access';
import type { Locale } from '@/lib/i18n/routing';
import { AppError } from '@/lib/errors';
import { listStaffPersons, type PersonStatus } from '@/lib/persons/read';
import { createPersonAction } from './actions';
import { partSeparator } from '@/lib/i18n/separator';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ q?: string; status?: string; cursor?: string }> };

const statuses: PersonStatus[] = ['draft', 'published', 'hidden'];
const field = 'mt-1 rounded border border-muted bg-white px-3 py-2';

export default async function PersonsPage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const query = await searchParams;
  const viewer = await requirePageAccess({ permission: 'person.edit' }, { locale, path: `/${locale}/staff/persons` });
  const t = await getTranslations({ locale, namespace: 'Persons' });
  const status = statuses.find((s) => s === query.status);
  const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
  const filters = { q, status };
  const cursor = typeof query.cursor === 'string' ? query.cursor.slice(0, 200) : undefined;
  const page = await withDb(listStaffPersons, viewer, { ...filters, cursor }).catch((error: unknown) => {
    // A mangled cursor is not worth an error page: start from the beginning.
    if (error instanceof AppError && error.code === 'invalid_input') return withDb(listStaffPersons, viewer, filters);
    throw error;
  });
  const persons = page.items;
  // Carried to the next page, so the keyset continues within the same search.
  const filterParams: Record<string, string> = { ...(q ? { q } : {}), ...(status ? { status } : {}) };
  const ts = await getTranslations({ locale, namespace: 'Staff' });
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" action={`/${locale}/staff/persons`} role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="persons-q" className="block font-medium">{t('searchLabel')}</label>
          <input id="persons-q" name="q" defaultValue={q} dir="auto" className={field} />
        </div>
        <div>
          <label htmlFor="persons-status" className="block font-medium">{t('statusLabel')}</label>
          <select id="persons-status" name="status" defaultValue={status ?? ''} className={field}>
            <option value="">{t('allStatuses')}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('search')}</button>
      </form>
      {persons.length === 0 ? (
        <p className="mt-6">{t('none')}</p>
      ) : (
        <StaffTable caption={t('caption')} columns={[t('colName'), t('colStatus'), t('colVerification'), t('colCity')]}>
            {persons.map((p) => (
              <tr key={p.id}>
                <th scope="row" className={`${staffCell} font-normal`}>
                  <a href={`/${locale}/staff/persons/${p.id}`}><bdi>{p.nameFa}</bdi>{p.nameLatin ? <>{partSeparator(locale)}<bdi>{p.nameLatin}</bdi></> : null}</a>
                </th>
                <td className={staffCell}>{t(`status.${p.status}`)}{p.merged ? ` (${t('merged')})` : ''}</td>
                <td className={staffCell}>{t(`verification.${p.verification}`)}</td>
                <td className={staffCell}>{p.city ?? '—'}</td>
              </tr>
            ))}
        </StaffTable>
      )}
      <CursorPager
        label={ts('pagination')}
        path={`/${locale}/staff/persons`}
        params={filterParams}
        paged={!!cursor}
        nextCursor={page.nextCursor}
        firstLabel={ts('firstPage')}
        nextLabel={ts('nextPage')}
      />
      <section aria-labelledby="create-person" className="mt-8">
        <h2 id="create-person" className="text-xl font-semibold">{t('createHeading')}</h2>
        <FormMessages namespaces={[]}>
        <ActionForm action={createPersonAction} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="locale" value={locale} />
          <div>
            <label htmlFor="new-name-fa" className="block font-medium">{t('nameFa')}</label>
            <input id="new-name-fa" name="nameFa" required dir="rtl" className={field} />
          </div>
          <div>
            <label htmlFor="new-name-latin" className="block font-medium">{t('nameLatin')}</label>
            <input id="new-name-latin" name="nameLatin" dir="ltr" className={field} />
          </div>
          <button type="submit" className="rounded border border-muted px-4 py-2 hover:bg-white">{t('create')}</button>
        </ActionForm>
        </FormMessages>
      </section>
    </>
  );
}
