import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { withDb } from '@/lib/db';
import { FormNotice } from '@/components/forms/form-alert';
import { Timeline } from '@/components/submit/timeline';
import { requirePageAccess } from '@/lib/authz/page-access';
import { env } from '@/lib/env.mjs';
import { formatDate } from '@/lib/i18n/dates';
import { routing } from '@/lib/i18n/routing';
import { unreadForSubmitter } from '@/lib/messages';
import { listOwnTestimonies } from '@/lib/testimonies';
import { partSeparator } from '@/lib/i18n/separator';
import { aboutLabel } from '@/lib/testimonies/about-label';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'MyTestimonies' }))('title'), robots: { index: false } };
}

export default async function MyTestimoniesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requirePageAccess({ permission: 'testimony.read.own' }, { locale, path: `/${locale}/my-testimonies` });
  const [items, unread] = await Promise.all([withDb(listOwnTestimonies, viewer), withDb(unreadForSubmitter, viewer)]);
  const t = await getTranslations('MyTestimonies');
  const m = await getTranslations('Messages');
  const saved = (await searchParams).saved === '1';
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro', { days: env().DRAFT_RETENTION_DAYS })}</p>
      {saved && <FormNotice>{t('saved')}</FormNotice>}
      {items.length === 0 && <p className="mt-6">{t('empty')}</p>}
      <ul className="mt-6 space-y-6">
        {items.map((item) => (
          <li key={item.id} className="rounded border border-line bg-white p-4">
            <h2 className="text-lg font-semibold" dir="auto">
              <a href={`/${locale}/my-testimonies/${item.id}`}>{aboutLabel(item.about, locale) || t('aboutUnknown')}</a>
            </h2>
            <p className="mt-1">
              {t('statusLabel')}: <strong>{t(`status.${item.shownStatus}`)}</strong>
              {item.revisionInReview && <span className="block text-sm">{t('revisionInReview')}</span>}
              {(unread[item.id] ?? 0) > 0 && <strong className="block text-sm text-accent-ink">{m('unread', { count: unread[item.id]! })}</strong>}
            </p>
            <p className="text-sm text-muted">
              {t('created')}: {formatDate(item.createdAt, locale)}{partSeparator(locale)}{t('updated')}: {formatDate(item.updatedAt, locale)}
            </p>
            <Timeline locale={locale} events={item.timeline} />
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <a href={`/${locale}/submit`} className="font-semibold">
          {t('submitLink')}
        </a>
      </p>
    </div>
  );
}
