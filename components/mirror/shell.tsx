// The static mirror's document: the site's look (same classes, same compiled Tailwind theme and
// self-hosted Vazirmatn) without its scripts, forms or account links. Every href is relative.
import type { ReactNode } from 'react';
import { directions, type Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/open-data/translator';
import { pageFile, rel } from '@/lib/mirror/paths';

export type MirrorPage = {
  locale: Locale;
  /** This page's path inside the export, from which every link is made relative. */
  file: string;
  /** The same page in the other language, when there is one. */
  other: string | null;
  /** When the copy was made (already formatted), for the about page; other pages stay the same from one export to the next. */
  madeOn: string;
};

export function MirrorShell({ page, title, children, scripts = [] }: { page: MirrorPage; title: string; children: ReactNode; scripts?: string[] }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  const shell = translatorFor(locale, 'Shell');
  const site = translatorFor(locale, 'Metadata')('siteName');
  const languages = translatorFor(locale, 'Languages');
  const otherLocale: Locale = locale === 'fa' ? 'en' : 'fa';
  const href = (to: string) => rel(file, to);
  const nav: Array<[string, string]> = [
    [pageFile.home(locale), t('nav.home')],
    [pageFile.browse(locale), t('nav.browse')],
    [pageFile.search(locale), t('nav.search')],
    [pageFile.statistics(locale), t('nav.statistics')],
    [pageFile.data(locale), t('nav.data')],
    [pageFile.about(locale), t('nav.about')],
  ];
  return (
    <html lang={locale} dir={directions[locale]}>
      {/* A static document rendered outside Next: no next/head here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === site ? site : `${title} — ${site}`}</title>
        <link rel="stylesheet" href={href('assets/site.css')} />
        <link rel="icon" href={href('assets/favicon.png')} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="skip-link">
          {shell('skipToContent')}
        </a>
        <header className="border-b border-line bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <a href={href(pageFile.home(locale))} aria-label={t('homeLink')} className="text-xl font-bold text-ink no-underline">
              {site}
            </a>
            {page.other ? (
              <a href={href(page.other)} lang={otherLocale} hrefLang={otherLocale} className="text-ink">
                {languages(otherLocale)}
              </a>
            ) : null}
            <nav aria-label={shell('mainNavLabel')} className="w-full">
              <ul className="flex flex-wrap gap-x-5 gap-y-1">
                {nav.map(([to, label]) => (
                  <li key={to}>
                    <a href={href(to)} className="text-ink" aria-current={to === file ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <p className="border-b border-line bg-paper px-4 py-2 text-center text-sm text-muted">{t('banner')}</p>
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-line bg-white">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
            <p>{shell('footerAbout')}</p>
          </div>
        </footer>
        {scripts.map((s) => (
          <script key={s} src={href(s)} defer />
        ))}
      </body>
    </html>
  );
}
