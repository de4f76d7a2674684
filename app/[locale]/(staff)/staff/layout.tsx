import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { NavList } from '@/components/layout/nav-list';
import { getViewer } from '@/lib/auth/viewer';
import { checkAccess } from '@/lib/authz/access';
import { can } from '@/lib/authz/permissions';
import { routing } from '@/lib/i18n/routing';
import { isolate } from '@/components/layout/isolate';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/**
 * Staff chrome only. NOT an access check: every page and every action below checks for itself
 * (layouts do not re-render on client navigation, and a layout check can be bypassed). The chrome
 * is shown only to fully signed-in staff, so a 404 given to anyone else looks like any other 404.
 */
export default async function StaffLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await getViewer();
  try {
    checkAccess(viewer, { permission: 'staff.access' });
  } catch {
    return children;
  }
  const t = await getTranslations({ locale, namespace: 'Staff' });
  const tp = await getTranslations({ locale, namespace: 'Persons' });
  const tset = await getTranslations({ locale, namespace: 'Settings' });
  const items = [
    { href: `/${locale}/staff`, label: t('queue'), exact: true },
    ...(can(viewer!.role, 'person.edit') ? [{ href: `/${locale}/staff/persons`, label: tp('title'), exact: false }] : []),
    ...(can(viewer!.role, 'user.manage') ? [{ href: `/${locale}/staff/users`, label: t('users'), exact: false }] : []),
    ...(can(viewer!.role, 'user.invite') ? [{ href: `/${locale}/staff/invitations`, label: t('invitations'), exact: false }] : []),
    ...(can(viewer!.role, 'settings.manage') ? [{ href: `/${locale}/staff/settings`, label: tset('nav'), exact: false }] : []),
    ...(can(viewer!.role, 'collection.manage') ? [{ href: `/${locale}/staff/collections`, label: t('collections'), exact: false }] : []),
    ...(can(viewer!.role, 'data.import') ? [{ href: `/${locale}/staff/import`, label: t('import'), exact: false }] : []),
    ...(can(viewer!.role, 'data.export') ? [{ href: `/${locale}/staff/exports`, label: t('evidenceExports'), exact: false }] : []),
    ...(can(viewer!.role, 'audit.read') ? [{ href: `/${locale}/staff/audit`, label: t('auditLog'), exact: false }] : []),
  ];
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
        <NavList label={t('navLabel')} items={items} />
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span>{t.rich('signedInAs', { username: viewer!.username, role: t(`roles.${viewer!.role}`), isolate })}</span>
          {/* A plain POST (no JavaScript needed) to the sign-out route, which clears the session. */}
          <form method="post" action={`/${locale}/sign-out`}>
            <button type="submit" className="rounded border border-muted px-3 py-1 hover:bg-white">
              {t('signOut')}
            </button>
          </form>
        </div>
      </div>
      <div className="pt-6">{children}</div>
    </div>
  );
}
