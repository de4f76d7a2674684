'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { routing, type Locale } from '@/lib/i18n/routing';

type Props = { locale: Locale; label: string; names: Record<Locale, string> };

/** The same page in `target`: swaps the locale segment, keeps the rest of the path and the query. */
export function switchLocaleHref(pathname: string, query: string, target: Locale): string {
  const segments = pathname.split('/');
  const hasLocale = (routing.locales as readonly string[]).includes(segments[1] ?? '');
  const path = hasLocale ? ['', target, ...segments.slice(2)].join('/') : `/${target}`;
  return query ? `${path}?${query}` : path;
}

function Links({ locale, label, names, query }: Props & { query: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-3">
        {routing.locales
          .filter((other) => other !== locale)
          .map((other) => (
            <li key={other}>
              {/* Plain links: switching language reloads the page with the other <html lang dir>. */}
              <a href={switchLocaleHref(pathname, query, other)} lang={other} hrefLang={other}>
                {names[other]}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function LinksWithQuery(props: Props) {
  return <Links {...props} query={useSearchParams().toString()} />;
}

/**
 * Links to the current page in the other languages. On dynamic pages the query is rendered on the
 * server; on static pages (which ignore the query) the server HTML links without it and the
 * query is added after hydration.
 */
export function LanguageSwitcher(props: Props) {
  return (
    <Suspense fallback={<Links {...props} query="" />}>
      <LinksWithQuery {...props} />
    </Suspense>
  );
}
