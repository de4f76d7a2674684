// The mirror's home: the site's heading, numbers and latest publications, with links into the
// browse lists and the search page of the copy instead of the site's forms.
import type { PersonT } from '@/components/memorial/person-facts';
import { MemorialCounts } from '@/components/memorial/memorial-counts';
import { PersonList } from '@/components/memorial/person-list';
import { CollectionList } from '@/components/memorial/collection-parts';
import type { CollectionPage, MemorialOverview } from '@/lib/memorial/dto';
import { browseLists, collectionFile, pageFile, personFile, rel } from '@/lib/mirror/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export const PlainAnchor = ({ href, children }: { href: string; children: React.ReactNode }) => <a href={href}>{children}</a>;

/** As on the site: with several collections, the overview across them, each linked to its own pages. */
export function MirrorHomePage({
  page,
  overview,
  firstBrowse,
  p,
  collections,
  overviews,
}: {
  page: MirrorPage;
  overview: MemorialOverview;
  firstBrowse: Record<string, string>;
  p: PersonT;
  collections: CollectionPage[];
  overviews: Record<string, MemorialOverview>;
}) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Home');
  const m = translatorFor(locale, 'Memorial');
  const mm = translatorFor(locale, 'Mirror');
  const c = translatorFor(locale, 'Collection');
  const several = collections.length > 1;
  return (
    <MirrorShell page={page} title={translatorFor(locale, 'Metadata')('siteName')}>
      <div className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
        <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{several ? c('overviewHeading') : t('heading')}</h1>
        <p className="mt-4 text-lg text-muted">{several ? c('overviewIntro') : t('intro')}</p>

        {several && (
          <CollectionList
            collections={collections}
            overviews={overviews}
            locale={locale}
            href={(collection) => rel(file, collectionFile.home(locale, collection.slug))}
            Anchor={PlainAnchor}
            m={m}
            c={c}
          />
        )}

        <MemorialCounts overview={overview} locale={locale} m={m} p={p} heading={several ? c('allHeading') : undefined} />

        <section aria-labelledby="browse-heading" className="mt-10">
          <h2 id="browse-heading" className="text-xl font-semibold">
            {mm('browseTitle')}
          </h2>
          <ul className="mt-3 list-disc space-y-1 ps-6">
            {browseLists.map((list) => (
              <li key={list}>
                <a href={rel(file, firstBrowse[list] ?? pageFile.browse(locale))}>{mm(`browseBy.${list}`)}</a>
              </li>
            ))}
            <li>
              <a href={rel(file, pageFile.search(locale))}>{mm('searchTitle')}</a>
            </li>
          </ul>
        </section>

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
      </div>
    </MirrorShell>
  );
}
