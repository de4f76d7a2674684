'use client';
// Shown when a page cannot be rendered, above all while the database is down or restarting
// (docs/security.md, "Database outage"). Production never sends the error's message or stack to the
// browser (only a digest); this page shows neither. The words come from the locale layout.
import { useParams, usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { useErrorPageMessages } from '@/components/layout/error-page-messages';

/** Whether the browser says it has no connection (false while rendered on the server). */
const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};
const useOffline = () => useSyncExternalStore(subscribe, () => !navigator.onLine, () => false);

export default function LocaleError() {
  const t = useErrorPageMessages();
  // Offline, the page failed on her side, not ours: said so, and never that nothing was lost
  // (issue 18: a step posted offline still lands here and its form is gone; see e2e/words-kept.e2e.ts).
  const offline = useOffline();
  const { locale } = useParams<{ locale: string }>();
  const pathname = usePathname();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-bold sm:text-3xl">{t.title}</h1>
      <p role="alert" className="mt-4 text-muted">
        {offline ? t.offline : t.body}
      </p>
      <p className="mt-6 flex gap-6">
        {/* A full load, not a client re-render: the page is fetched again from the server. */}
        <a href={pathname}>{t.retry}</a>
        <a href={`/${locale}`}>{t.homeLink}</a>
      </p>
    </div>
  );
}
