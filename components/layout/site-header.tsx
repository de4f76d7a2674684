import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';
import { NavLink } from './nav-link';
import Link from 'next/link';

const navLink =
  'rounded px-1 py-0.5 text-ink no-underline hover:underline aria-[current=page]:font-bold aria-[current=page]:underline';

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
        <nav aria-label={t('mainNavLabel')} className="w-full">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} exact={item.exact} className={navLink}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
