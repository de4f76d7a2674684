import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { withDb } from '@/lib/db';
import { NotificationList } from '@/components/notifications/notification-list';
import { requirePageAccess } from '@/lib/authz/page-access';
import { AppError } from '@/lib/errors';
import { routing } from '@/lib/i18n/routing';
import { FormMessages } from '@/components/forms/form-messages';
import { secondaryButton } from '@/components/forms/form-alert';
import { MarkReadForm } from '@/components/notifications/mark-read-form';
import { listNotifications } from '@/lib/notifications';
import { markNotificationsReadAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Notifications' }))('title'), robots: { index: false } };
}

export default async function NotificationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requirePageAccess({ permission: 'testimony.read.own' }, { locale, path: `/${locale}/notifications` });
  const cursor = (await searchParams).cursor;
  const page = await withDb(listNotifications, viewer, { cursor: typeof cursor === 'string' ? cursor : undefined }).catch((error: unknown) => {
    // A mangled "older" link: the newest page instead.
    if (error instanceof AppError && error.code === 'invalid_input') return withDb(listNotifications, viewer);
    throw error;
  });
  const t = await getTranslations('Notifications');
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <FormMessages namespaces={[]}>
        {page.items.some((n) => n.unread) && (
          <div className="mt-4">
            <MarkReadForm action={markNotificationsReadAction} locale={locale} label={t('markAllRead')} className={secondaryButton} />
          </div>
        )}
        {page.items.length === 0 ? <p className="mt-6">{t('empty')}</p> : <NotificationList markReadAction={markNotificationsReadAction} locale={locale} items={page.items} />}
      </FormMessages>
      <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
        {page.nextCursor && (
          <a href={`/${locale}/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className="font-semibold">
            {t('older')}
          </a>
        )}
        {typeof cursor === 'string' && (
          <a href={`/${locale}/notifications`} className="font-semibold">
            {t('newest')}
          </a>
        )}
      </p>
    </div>
  );
}
