import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';
import { NavList } from './nav-list';
import Link from 'next/link';
import { NotificationsLink } from '@/components/notifications/notifications-link';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Shell' });
  const languages = await getTranslations({ locale, namespace: 'Languages' });
  const items = [
    { href: `/${locale}`, label: t('nav.memorial'), exact: true },
    { href: `/${locale}/search`, label: t('nav.search') },
    { href: `/${locale}/statistics`, label: t('nav.statistics') },
    { href: `/${locale}/submit`, label: t('nav.submit') },
    { href: `/${locale}/sign-in`, label: t('nav.signIn') },
  ];

  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href={`/${locale}`} prefetch={false} aria-label={t('homeLinkLabel')} className="text-xl font-bold text-ink no-underline">
          {(await getTranslations({ locale, namespace: 'Metadata' }))('siteName')}
        </Link>
        <LanguageSwitcher
          locale={locale}
          label={t('languageSwitcherLabel')}
          names={{ fa: languages('fa'), en: languages('en') }}
        />
        <NavList label={t('mainNavLabel')} items={items} className="w-full" linkClassName="text-ink" />
        <NotificationsLink locale={locale} />
      </div>
    </header>
  );
}
