import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { SiteShell } from '@/components/layout/site-shell';
import { routing, type Locale } from '@/lib/i18n/routing';
import './globals.css';

// Every URL that no route matches ends here (needs `experimental.globalNotFound` in
// next.config.js), including /fa/… and /en/… paths: there is deliberately no catch-all route
// under [locale], because Next 16 does not server-render the boundary of a notFound() thrown by a
// page, so readers without JavaScript would get a blank page (vercel/next.js#62228).
// Rendered on its own, outside the layouts, so reading the request here keeps other pages static.
// The locale comes from the URL via the proxy (next-intl's request header); English otherwise.
async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await currentLocale();
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const site = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: `${t('title')} — ${site('siteName')}` };
}

export default async function GlobalNotFound() {
  const locale = await currentLocale();
  return (
    <SiteShell locale={locale}>
      <NotFoundContent locale={locale} />
    </SiteShell>
  );
}
