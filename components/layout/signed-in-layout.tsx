import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignedInArea } from './site-header';
import { routing } from '@/lib/i18n/routing';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/**
 * The layout of the (account) and (submit) route groups, the non-public pages: the header's
 * signed-in area first (who is signed in, My testimonies, Account, Sign out). Chrome only, NOT an
 * access check: every page and action below checks for itself.
 */
export async function SignedInLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <>
      <SignedInArea locale={locale} />
      {children}
    </>
  );
}
