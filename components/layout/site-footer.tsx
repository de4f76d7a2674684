import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import Link from 'next/link';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Shell' });
  return (
    <footer aria-label={t('footerLabel')} className="border-t border-line bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
        <p>{t('footerAbout')}</p>
        <p className="mt-2">
          <Link href={`/${locale}/data`} prefetch={false}>{t('openData')}</Link>
        </p>
      </div>
    </footer>
  );
}
