import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import './globals.css';

export const metadata: Metadata = { title: 'Page not found · صفحه پیدا نشد' };

// Reached when notFound() is thrown outside a valid locale (e.g. /unknown.txt matches [locale]
// with an invalid value). The language is unknown, so the page speaks both. Static on purpose:
// this boundary is part of every page, and reading the request here would make all of them dynamic.
export default async function RootNotFound() {
  const en = await getTranslations({ locale: 'en', namespace: 'NotFound' });
  const fa = await getTranslations({ locale: 'fa', namespace: 'NotFound' });
  return (
    <html lang="en" dir="ltr">
      <body>
        <main id="main" className="mx-auto max-w-2xl px-4 py-12">
          <h1 className="text-2xl font-bold">
            <span>{en('title')}</span>
            {' · '}
            <span lang="fa" dir="rtl">
              {fa('title')}
            </span>
          </h1>
          <p className="mt-4">{en('body')}</p>
          <p className="mt-2">
            <Link href="/en" prefetch={false}>
              {en('homeLink')}
            </Link>
          </p>
          <div lang="fa" dir="rtl" className="mt-8">
            <p>{fa('body')}</p>
            <p className="mt-2">
              <Link href="/fa" prefetch={false}>
                {fa('homeLink')}
              </Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
