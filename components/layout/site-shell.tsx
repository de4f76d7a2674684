import type { ReactNode } from 'react';
import { directions, type Locale } from '@/lib/i18n/routing';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { SkipLink } from './skip-link';
import { LeaveQuickly } from '@/components/submit/leave-quickly';

/** The whole document: `<html lang dir>`, skip link, header, `<main id="main">`, footer. */
export function SiteShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale} dir={directions[locale]}>
      <body className="flex min-h-dvh flex-col">
        <SkipLink locale={locale} />
        <LeaveQuickly locale={locale} />
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
