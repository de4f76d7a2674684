// A collection as the public site and the static mirror (lib/mirror) show it: its heading, dates
// and status, and the overview's list of collections with their own totals. Synchronous, with a
// given translator and anchor, so both render the same markup from the same DTOs.
import type { ReactNode } from 'react';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { CollectionPage, MemorialOverview } from '@/lib/memorial/dto';
import { partSeparator } from '@/lib/i18n/separator';

type T = (key: string, values?: Record<string, string | number>) => string;
type Anchor = (props: { href: string; children: ReactNode }) => ReactNode;

/** "15 November 2019 to 30 November 2019" / "از ۲۴ آبان ۱۳۹۸ تا ۹ آذر ۱۳۹۸", or null without a start date. */
export function collectionDates(c: Pick<CollectionPage, 'startsOn' | 'endsOn'>, locale: Locale, t: T): string | null {
  if (!c.startsOn) return null;
  const from = formatDate(c.startsOn, locale);
  return c.endsOn ? t('dates', { from, to: formatDate(c.endsOn, locale) }) : t('since', { from });
}

export const collectionName = (c: Pick<CollectionPage, 'nameFa' | 'nameEn'>, locale: Locale) => (locale === 'fa' ? c.nameFa : c.nameEn);
export const collectionDescription = (c: Pick<CollectionPage, 'descriptionFa' | 'descriptionEn'>, locale: Locale) =>
  locale === 'fa' ? c.descriptionFa : c.descriptionEn;

/** The collection page's heading: name, description, dates, and whether it takes testimonies. `c` is the `Collection` namespace. */
export function CollectionHeader({ collection, locale, c }: { collection: CollectionPage; locale: Locale; c: T }) {
  const dates = collectionDates(collection, locale, c);
  const description = collectionDescription(collection, locale);
  return (
    <header>
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl" dir="auto">
        {collectionName(collection, locale)}
      </h1>
      {dates && <p className="mt-2 text-muted">{dates}</p>}
      {description && (
        <p className="mt-4 text-lg text-muted" dir="auto">
          {description}
        </p>
      )}
      <p className="mt-3">{collection.openForSubmissions ? c('open') : c('closed')}</p>
    </header>
  );
}

/**
 * The overview's list: each collection with its own totals (never the sum), linked to its page.
 * `m` is the `Memorial` namespace, `c` the `Collection` one.
 */
export function CollectionList({
  collections,
  overviews,
  locale,
  href,
  Anchor,
  m,
  c,
}: {
  collections: CollectionPage[];
  overviews: Record<string, Pick<MemorialOverview, 'personsDocumented' | 'testimoniesPublished'>>;
  locale: Locale;
  href: (collection: CollectionPage) => string;
  Anchor: Anchor;
  m: T;
  c: T;
}) {
  return (
    <section aria-labelledby="collections-heading" className="mt-10">
      <h2 id="collections-heading" className="text-xl font-semibold">
        {c('listHeading')}
      </h2>
      <ul className="mt-3 grid gap-4">
        {collections.map((collection) => {
          const totals = overviews[collection.id];
          const dates = collectionDates(collection, locale, c);
          const description = collectionDescription(collection, locale);
          return (
            <li key={collection.id} className="rounded border border-line bg-white p-4">
              <h3 className="text-lg font-semibold" dir="auto">
                <Anchor href={href(collection)}>{collectionName(collection, locale)}</Anchor>
              </h3>
              {dates && <p className="text-sm text-muted">{dates}</p>}
              {description && (
                <p className="mt-1" dir="auto">
                  {description}
                </p>
              )}
              <p className="mt-2">
                {m('personsDocumented', { count: totals?.personsDocumented ?? 0 })}
                {partSeparator(locale)}
                {m('testimoniesPublished', { count: totals?.testimoniesPublished ?? 0 })}
              </p>
              <p className="mt-1 text-sm text-muted">{collection.openForSubmissions ? c('open') : c('closed')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
