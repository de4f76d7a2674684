import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { Confirm } from '@/components/admin/confirm';
import { UserActionForm } from '@/components/admin/user-action-form';
import { FormMessages } from '@/components/forms/form-messages';
import { CursorPager, StaffTable, staffCell } from '@/components/staff/staff-table';
import { withDb } from '@/lib/db';
import { requirePageAccess } from '@/lib/authz/page-access';
import { roles, type Role } from '@/lib/authz/permissions';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { listUsers } from '@/lib/users/list';
import {
  changeRoleAction,
  resetTwoFactorAction,
  setUserAccessAction,
  signOutEverywhereForAction,
} from './actions';
import { isolate } from '@/components/layout/isolate';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ q?: string; role?: string; state?: string; cursor?: string }>;
};

const input = 'mt-1 rounded border border-muted bg-white px-3 py-2';
const button = 'rounded border border-muted px-3 py-1 hover:bg-white';
const one = (v: unknown) => (typeof v === 'string' ? v : undefined);

export default async function UsersPage({ params, searchParams }: Props) {
  await connection();
  const { locale } = await params;
  const query = await searchParams;
  const viewer = await requirePageAccess({ permission: 'user.manage' }, { locale, path: `/${locale}/staff/users` });
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const staff = await getTranslations({ locale, namespace: 'Staff' });

  const q = one(query.q)?.slice(0, 64) ?? '';
  const role = roles.find((r) => r === query.role) as Role | undefined;
  const state = query.state === 'active' || query.state === 'disabled' ? query.state : undefined;
  const page = await withDb(listUsers, viewer, {
    q,
    role,
    disabled: state ? state === 'disabled' : undefined,
    cursor: one(query.cursor)?.slice(0, 200),
  });

  const filterParams = { q, ...(role ? { role } : {}), ...(state ? { state } : {}) };

  return (
    <>
      <h1 className="text-2xl font-bold">{t('usersTitle')}</h1>
      <search aria-labelledby="user-search-heading" className="mt-4 block">
        <h2 id="user-search-heading" className="sr-only">
          {t('searchHeading')}
        </h2>
        <form method="get" action={`/${locale}/staff/users`} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="user-q" className="block font-medium">{t('searchLabel')}</label>
            <input id="user-q" name="q" type="search" dir="auto" defaultValue={q} autoComplete="off" className={input} />
          </div>
          <div>
            <label htmlFor="user-role" className="block font-medium">{t('roleFilter')}</label>
            <select id="user-role" name="role" defaultValue={role ?? ''} className={input}>
              <option value="">{t('anyRole')}</option>
              {roles.map((r) => (
                <option key={r} value={r}>{staff(`roles.${r}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="user-state" className="block font-medium">{t('stateFilter')}</label>
            <select id="user-state" name="state" defaultValue={state ?? ''} className={input}>
              <option value="">{t('anyState')}</option>
              <option value="active">{t('active')}</option>
              <option value="disabled">{t('disabled')}</option>
            </select>
          </div>
          <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
            {t('search')}
          </button>
        </form>
      </search>

      {page.items.length === 0 ? (
        <p className="mt-6">{t('noUsers')}</p>
      ) : (
        <FormMessages namespaces={['Admin.done', 'Admin.refused']}>
        <StaffTable
          caption={t('usersCaption')}
          columns={(['colUsername', 'colRole', 'colState', 'colTwoFactor', 'colCreated', 'colLastSeen', 'colActions'] as const).map((c) => t(c))}
        >
              {page.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row" className={staffCell}>
                    <bdi>{user.username}</bdi>
                  </th>
                  <td className={staffCell}>{staff(`roles.${user.role}`)}</td>
                  <td className={staffCell}>{user.disabled ? t('disabled') : t('active')}</td>
                  <td className={staffCell}>{user.twoFactorEnrolled ? t('enrolled') : t('notEnrolled')}</td>
                  <td className={staffCell}>{formatDate(user.createdAt, locale)}</td>
                  <td className={staffCell}>{user.lastSeenAt ? formatDate(user.lastSeenAt, locale) : t('never')}</td>
                  <td className={`${staffCell} min-w-72 space-y-2`}>
                    <UserActionForm action={changeRoleAction} userId={user.id} className="flex flex-wrap items-end gap-2">
                      <label className="sr-only" htmlFor={`role-${user.id}`}>{t.rich('newRoleLabel', { username: user.username, isolate })}</label>
                      <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-muted bg-white px-2 py-1">
                        {roles.map((r) => (
                          <option key={r} value={r}>{staff(`roles.${r}`)}</option>
                        ))}
                      </select>
                      <button type="submit" className={button}>{t('changeRole')}</button>
                    </UserActionForm>
                    <UserActionForm action={setUserAccessAction} userId={user.id}>
                      {user.disabled ? (
                        <button type="submit" name="access" value="enable" className={button}>{t('enable')}</button>
                      ) : (
                        <Confirm summary={t('disable')} warning={t.rich('disableWarning', { username: user.username, isolate })} confirm={t('confirm')} name="access" value="disable" />
                      )}
                    </UserActionForm>
                    <UserActionForm action={resetTwoFactorAction} userId={user.id}>
                      <Confirm summary={t('resetTwoFactor')} warning={t.rich('resetTwoFactorWarning', { username: user.username, isolate })} confirm={t('confirm')} />
                    </UserActionForm>
                    <UserActionForm action={signOutEverywhereForAction} userId={user.id}>
                      <Confirm summary={t('signOutEverywhere')} warning={t.rich('signOutEverywhereWarning', { username: user.username, isolate })} confirm={t('confirm')} />
                    </UserActionForm>
                  </td>
                </tr>
              ))}
        </StaffTable>
        </FormMessages>
      )}
      <CursorPager
        label={staff('pagination')}
        path={`/${locale}/staff/users`}
        params={filterParams}
        paged={!!query.cursor}
        nextCursor={page.nextCursor}
        firstLabel={staff('firstPage')}
        nextLabel={staff('nextPage')}
      />
    </>
  );
}
