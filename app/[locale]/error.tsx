'use client';
// Shown when a page cannot be rendered, above all while the database is down or restarting
// (docs/security.md, "Database outage"). Production never sends the error's message or stack to the
// browser (only a digest); this page shows neither. The words come from the locale layout.
import { useParams, usePathname } from 'next/navigation';
import { useErrorPageMessages } from '@/components/layout/error-page-messages';

export default function LocaleError() {
  const t = useErrorPageMessages();
  const { locale } = useParams<{ locale: string }>();
  const pathname = usePathname();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-bold sm:text-3xl">{t.title}</h1>
      <p role="alert" className="mt-4 text-muted">
        {t.body}
      </p>
      <p className="mt-6 flex gap-6">
        {/* A full load, not a client re-render: the page is fetched again from the server. */}
        <a href={pathname}>{t.retry}</a>
        <a href={`/${locale}`}>{t.homeLink}</a>
      </p>
    </div>
  );
}
