// "How to cite" on a person's page: the permanent address, the record id on its own, the dates, a
// plain citation, and the forms researchers and editors paste ({{cite web}}, BibTeX, RIS), each in
// a <details> (no JavaScript needed to open it or to select its text). Rendered synchronously, so
// the static mirror (lib/mirror) shows the same section; there `link` is false (the copy links out
// of its folder to nothing). Nothing here depends on the time of the request: the page is cached.
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPerson } from '@/lib/memorial/dto';
import { bibtex, citeWeb, ris, type CitedRecord } from '@/lib/open-data/citation';
import { displayDate } from './format';
import { displayName } from './person-header';
import type { PersonT } from './person-facts';

export function citedRecord(person: PublicPerson, locale: Locale, url: string): CitedRecord {
  return {
    id: person.id,
    title: displayName(person, locale),
    url,
    publishedAt: person.publishedAt,
    updatedAt: person.updatedAt,
    locale,
    collection: locale === 'fa' ? person.collection.nameFa : person.collection.nameEn,
  };
}

export function CitationForms({ person, locale, url, t, link = true }: { person: PublicPerson; locale: Locale; url: string; t: PersonT; link?: boolean }) {
  const record = citedRecord(person, locale, url);
  const day = (iso: string) => displayDate(iso.slice(0, 10), 'exact', locale);
  const forms = [
    ['cite-web', t('citeWikipedia'), citeWeb(record)],
    ['cite-bibtex', t('citeBibtex'), bibtex(record)],
    ['cite-ris', t('citeRis'), ris(record)],
  ] as const;
  return (
    <section aria-labelledby="cite-heading" className="mt-10">
      <h2 id="cite-heading" className="text-2xl font-semibold">
        {t('citeHeading')}
      </h2>
      <dl className="mt-2 space-y-2">
        <div>
          <dt>{t('citeText')}</dt>
          <dd className="break-all font-mono text-sm" dir="ltr">
            {link ? <a href={url}>{url}</a> : url}
          </dd>
        </div>
        <div>
          <dt>{t('citeRecordId')}</dt>
          <dd>
            <code dir="ltr" className="text-sm">{person.id}</code>
          </dd>
        </div>
        {person.publishedAt ? (
          <div>
            <dt>{t('citePublished')}</dt>
            <dd>{day(person.publishedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('citeUpdated')}</dt>
          <dd>{day(person.updatedAt)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-muted">
        {/* The name and the address isolated: a Latin name or the URL must not turn the Persian sentence. */}
        {t.rich('citeExample', {
          name: record.title,
          url,
          date: person.publishedAt ? day(person.publishedAt) : day(person.updatedAt),
          isolate: (chunks) => <bdi>{chunks}</bdi>,
        })}
      </p>
      <p className="mt-1 text-sm text-muted">{t('citeAccessed')}</p>
      {forms.map(([id, label, text]) => (
        <details key={id} className="mt-3">
          <summary className="cursor-pointer">{label}</summary>
          <pre id={id} aria-label={label} tabIndex={0} className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded border border-line bg-white p-3 text-sm" dir="ltr">
            {text}
          </pre>
        </details>
      ))}
    </section>
  );
}
