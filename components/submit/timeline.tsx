import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { OwnTestimonySummary } from '@/lib/testimonies';

/** What happened to a testimony, oldest first (from the audit log; never who did it). */
export async function Timeline({ locale, events }: { locale: Locale; events: OwnTestimonySummary['timeline'] }) {
  const t = await getTranslations({ locale, namespace: 'MyTestimonies' });
  const known = new Set(['create', 'submit', 'claim', 'release', 'requestChanges', 'publish', 'accept', 'reject', 'unpublish', 'withdraw', 'revise', 'publishRevision', 'acceptRevision', 'rejectRevision']);
  return (
    <ol className="mt-1 list-decimal ps-6 text-sm">
      {events
        .filter((e) => known.has(e.event))
        .map((e, i) => (
          <li key={i}>
            {t(`events.${e.event as 'create'}`)} — <time dateTime={e.at.toISOString()}>{formatDate(e.at, locale)}</time>
          </li>
        ))}
    </ol>
  );
}
