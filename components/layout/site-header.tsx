import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getViewer } from '@/lib/auth/viewer';
import { stepShell } from '@/lib/forms-shell/shell-mode';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';
import { NotificationsLink } from '@/components/notifications/notifications-link';
import { NavList } from './nav-list';

/**
 * The site header, the same for everyone on every page: public pages are served from a byte cache,
 * so nothing here may depend on who is asking. "My testimonies" takes a signed-in person to their
 * testimonies and a signed-out one to sign in first (and then there).
 */
export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Shell' });
  const languages = await getTranslations({ locale, namespace: 'Languages' });
  const area = await getTranslations({ locale, namespace: 'AccountArea' });
  const items = [
    { href: `/${locale}`, label: t('nav.memorial'), exact: true },
    { href: `/${locale}/search`, label: t('nav.search') },
    { href: `/${locale}/statistics`, label: t('nav.statistics') },
    { href: `/${locale}/submit`, label: t('nav.submit') },
    { href: `/${locale}/my-testimonies`, label: area('publicLink') },
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

/**
 * The header's signed-in area, on every non-public page (rendered by the (account) and (submit)
 * layouts right under the header, never on public pages): who is signed in, "My testimonies",
 * "Account", and "Sign out" (a plain POST form, no JavaScript needed). `notifications` is the slot
 * for the notifications link with its unread count (issue 18 item 4), shown before "Account".
 * Renders nothing for a signed-out visitor, or one who still owes their second factor.
 */
export async function SignedInArea({ locale, notifications }: { locale: Locale; notifications?: ReactNode }) {
  // A submission step's shell (lib/forms-shell): the name's placeholder, spliced per request.
  const shell = await stepShell();
  const viewer = shell ? { username: shell.username, secondFactor: 'not-needed' as const } : await getViewer();
  // Half signed in (a second factor still owed): the two-factor page has its own "Sign out".
  if (!viewer || viewer.secondFactor === 'required' || viewer.secondFactor === 'enrolment-required') return null;
  const t = await getTranslations({ locale, namespace: 'AccountArea' });
  const items = [
    { href: `/${locale}/my-testimonies`, label: t('myTestimonies') },
    { href: `/${locale}/account`, label: t('account'), exact: true },
  ];
  return (
    <div className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <p className="text-sm text-muted">
          {t('signedInAs')} <bdi className="font-semibold text-ink">{viewer.username}</bdi>
        </p>
        <NavList label={t('label')} items={items} linkClassName="text-ink" />
        {notifications}
        {/* A plain POST (no JavaScript needed) to the sign-out route, which clears the session. */}
        <form method="post" action={`/${locale}/sign-out`} className="ms-auto">
          <button type="submit" className="rounded border border-ink px-3 py-1 text-sm font-semibold text-ink hover:bg-line">
            {t('signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
