import { getLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { routing } from '@/lib/i18n/routing';
import { hasLocale } from 'next-intl';

// Shown when a page under a locale calls notFound() (e.g. an unknown or unpublished record).
// Beware: Next 16.4 does not server-render this boundary for notFound() in production (it arrives
// only in the RSC payload, so without JavaScript the page is blank; vercel/next.js#62228).
// Unmatched URLs do not come here: app/global-not-found.tsx renders them, server-side.
export default async function LocaleNotFound() {
  const requested = await getLocale();
  return <NotFoundContent locale={hasLocale(routing.locales, requested) ? requested : routing.defaultLocale} />;
}
