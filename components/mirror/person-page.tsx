// A person's page in the mirror: the site's person page with the same facts and testimony
// components (PersonFactsView, TestimonyListView), every testimony on one page, and media from the
// copy's own folder. Pages of the site that need a server (correction form, paging) are left out.
import { CitationForms } from '@/components/memorial/citation-forms';
import { PersonFactsView, type PersonT } from '@/components/memorial/person-facts';
import { PersonHeader } from '@/components/memorial/person-header';
import { TestimonyListView } from '@/components/memorial/testimony-list';
import type { PublicPerson, PublicTestimony } from '@/lib/memorial/dto';
import { testimonyPermalinkPath } from '@/lib/memorial/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export function MirrorPersonPage({ page, person, testimonies, origin, liveUrl, t }: { page: MirrorPage; person: PublicPerson; testimonies: PublicTestimony[]; origin: string; liveUrl: string; t: PersonT }) {
  const { locale } = page;
  const m = translatorFor(locale, 'Mirror');
  const name = locale === 'fa' ? person.nameFa : (person.nameLatin ?? person.nameFa);
  return (
    <MirrorShell page={page} title={name}>
      <article className="mx-auto max-w-3xl px-4 py-8 sm:py-10" aria-labelledby="person-name">
        <PersonHeader person={person} locale={locale} t={t} />

        <PersonFactsView person={person} locale={locale} t={t} />

        <section aria-labelledby="testimonies-heading" className="mt-10">
          <h2 id="testimonies-heading" className="text-2xl font-semibold">
            {t('testimoniesHeading')}
          </h2>
          {testimonies.length > 0 ? (
            <TestimonyListView
              testimonies={testimonies}
              locale={locale}
              gender={person.gender}
              sensitive={person.sensitiveContent}
              t={t}
              permalink={(id) => origin + testimonyPermalinkPath(locale, id)}
              linkPermalinks={false}
            />
          ) : (
            <p className="mt-2 text-muted">{t('testimoniesNone')}</p>
          )}
        </section>

        {person.sources.length > 0 ? (
          <section aria-labelledby="sources-heading" className="mt-10">
            <h2 id="sources-heading" className="text-2xl font-semibold">
              {t('sourcesHeading')}
            </h2>
            <ul className="mt-2 list-disc space-y-1 ps-6">
              {person.sources.map((s) => (
                <li key={s.url}>
                  {/* Sources stay text: the copy makes no request and offers no link out of its folder. */}
                  <span dir="auto">{s.title ? `${s.title} — ${s.url}` : s.url}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="mt-10">{m('citeLive')}</p>
        <CitationForms person={person} locale={locale} url={liveUrl} t={t} link={false} />
      </article>
    </MirrorShell>
  );
}
