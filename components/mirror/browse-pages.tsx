// The mirror's browse lists (lib/mirror/browse.ts): an index of every group of every list, and one
// page per range of a group (at most 200 persons, lib/mirror/browse.ts), with plain previous/next
// links (no JavaScript, no query string).
import { PersonList } from '@/components/memorial/person-list';
import { num } from '@/components/memorial/format';
import type { Bucket } from '@/lib/mirror/browse';
import { browseFile, browseLists, personFile, rel, type BrowseList } from '@/lib/mirror/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export function MirrorBrowseIndex({ page, lists }: { page: MirrorPage; lists: Record<BrowseList, Bucket[]> }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  return (
    <MirrorShell page={page} title={t('browseTitle')}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('browseTitle')}</h1>
        <p className="mt-4">{t('browseIntro')}</p>
        {browseLists.map((list) => (
          <section key={list} aria-labelledby={`${list}-heading`} className="mt-8">
            <h2 id={`${list}-heading`} className="text-2xl font-semibold">
              {t(`browseBy.${list}`)}
            </h2>
            <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
              {lists[list].map((b) => (
                <li key={b.key}>
                  <a href={rel(file, browseFile(locale, list, b.key, 1))}>
                    {/* Isolated: a Persian letter in an English line (and back) must not swap places with its count. */}
                    <bdi>{b.label ?? t('bucketUnknown')}</bdi> ({num(b.persons.length, locale)})
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </MirrorShell>
  );
}

/**
 * One page of a bucket: its file is named by the page's stable id (lib/mirror/browse.ts), so
 * `previous` and `next` are ids, not numbers; `position` is its place among the bucket's pages.
 */
export type BrowsePageProps = {
  list: BrowseList;
  bucket: Pick<Bucket, 'key' | 'label'>;
  position: number;
  pages: number;
  previous: number | null;
  next: number | null;
  persons: Bucket['persons'];
};

export function MirrorBrowsePage({ page, list, bucket, position, pages, previous, next, persons }: BrowsePageProps & { page: MirrorPage }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  const label = bucket.label ?? t('bucketUnknown');
  const title = t('pageTitle', { list: t(`browseBy.${list}`), bucket: label, page: num(position, locale), pages: num(pages, locale) });
  const to = (id: number) => rel(file, browseFile(locale, list, bucket.key, id));
  return (
    <MirrorShell page={page} title={title}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-2 text-muted">{t('personsOnPage', { count: num(persons.length, locale) })}</p>
        <div className="mt-6">
          <PersonList persons={persons} locale={locale} headingLevel={2} href={(x) => rel(file, personFile(locale, x))} />
        </div>
        <nav aria-label={t('pagesLabel')} className="mt-8 flex flex-wrap gap-x-5 gap-y-2">
          <a href={rel(file, `${locale}/browse/index.html`)}>{t('backToList')}</a>
          {previous !== null ? (
            <a href={to(previous)} rel="prev">
              {t('previous')}
            </a>
          ) : null}
          {next !== null ? (
            <a href={to(next)} rel="next">
              {t('next')}
            </a>
          ) : null}
        </nav>
      </div>
    </MirrorShell>
  );
}
