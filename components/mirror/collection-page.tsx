// The mirror's page of one collection: the site's collection page (components/memorial/
// collection-parts.tsx) with relative links to the copy's pages instead of the site's forms.
import { CollectionHeader } from '@/components/memorial/collection-parts';
import { MemorialCounts } from '@/components/memorial/memorial-counts';
import type { PersonT } from '@/components/memorial/person-facts';
import { PersonList } from '@/components/memorial/person-list';
import type { CollectionPage, MemorialOverview } from '@/lib/memorial/dto';
import { collectionFile, pageFile, personFile, rel } from '@/lib/mirror/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export function MirrorCollectionPage({ page, collection, overview, p }: { page: MirrorPage; collection: CollectionPage; overview: MemorialOverview; p: PersonT }) {
  const { locale, file } = page;
  const m = translatorFor(locale, 'Memorial');
  const c = translatorFor(locale, 'Collection');
  const name = locale === 'fa' ? collection.nameFa : collection.nameEn;
  return (
    <MirrorShell page={page} title={name}>
      <div className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
        <p className="text-sm">
          <a href={rel(file, pageFile.home(locale))}>{c('allCollections')}</a>
        </p>
        <div className="mt-2">
          <CollectionHeader collection={collection} locale={locale} c={c} />
        </div>
        <MemorialCounts overview={overview} locale={locale} m={m} p={p} />
        <section aria-labelledby="latest-heading" className="mt-10">
          <h2 id="latest-heading" className="text-xl font-semibold">
            {m('latestHeading')}
          </h2>
          <div className="mt-3">
            {overview.latest.length > 0 ? (
              <PersonList persons={overview.latest} locale={locale} href={(x) => rel(file, personFile(locale, x))} />
            ) : (
              <p>{m('latestEmpty')}</p>
            )}
          </div>
        </section>
        <ul className="mt-10 list-disc space-y-1 ps-6">
          <li>
            <a href={rel(file, collectionFile.statistics(locale, collection.slug))}>{c('statisticsLink')}</a>
          </li>
          <li>
            <a href={rel(file, collectionFile.feed(locale, collection.slug))}>{c('feedLink')}</a>
          </li>
        </ul>
      </div>
    </MirrorShell>
  );
}
