import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ErrorPageMessagesProvider } from '@/components/layout/error-page-messages';
import { SiteShell } from '@/components/layout/site-shell';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return {
    title: { default: t('homeTitle'), template: t('titleTemplate') },
    description: t('description'),
    applicationName: t('siteName'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  // Lets the pages below render statically; every page must call it too.
  setRequestLocale(locale);

  // The error page (error.tsx) is a client component: it gets its words, translated here.
  const t = await getTranslations({ locale, namespace: 'ErrorPage' });
  const errorPage = { title: t('title'), body: t('body'), offline: t('offline'), retry: t('retry'), homeLink: t('homeLink') };
  return (
    <SiteShell locale={locale}>
      <ErrorPageMessagesProvider messages={errorPage}>{children}</ErrorPageMessagesProvider>
    </SiteShell>
  );
}
