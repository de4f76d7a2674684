import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

export async function NotFoundContent({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
      <p className="mt-4 text-muted">{t('body')}</p>
      <p className="mt-6">
        <Link href={`/${locale}`} prefetch={false}>
          {t('homeLink')}
        </Link>
      </p>
    </div>
  );
}
