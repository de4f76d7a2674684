// A person's page in the mirror: the site's person page with the same facts and testimony
// components (PersonFactsView, TestimonyListView), every testimony on one page, and media from the
// copy's own folder. Pages of the site that need a server (correction form, paging) are left out.
import { PersonFactsView, type PersonT } from '@/components/memorial/person-facts';
import { SensitiveImage } from '@/components/memorial/sensitive-image';
import { TestimonyListView } from '@/components/memorial/testimony-list';
import type { PublicPerson, PublicTestimony } from '@/lib/memorial/dto';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export function MirrorPersonPage({ page, person, testimonies, liveUrl, t }: { page: MirrorPage; person: PublicPerson; testimonies: PublicTestimony[]; liveUrl: string; t: PersonT }) {
  const { locale } = page;
  const m = translatorFor(locale, 'Mirror');
  const name = locale === 'fa' ? person.nameFa : (person.nameLatin ?? person.nameFa);
  const otherScript = locale === 'fa' ? person.nameLatin : person.nameFa;
  return (
    <MirrorShell page={page} title={name}>
      <article className="mx-auto max-w-3xl px-4 py-8 sm:py-10" aria-labelledby="person-name">
        <header className="flex flex-wrap items-start gap-6">
          {person.portrait ? (
            <SensitiveImage src={person.portrait.src} alt={t('portraitAlt', { name })} sensitive={person.sensitiveContent} label={t('showImage')} className="h-40 w-32 rounded object-cover" />
          ) : null}
          <div className="min-w-0 flex-1">
            <h1 id="person-name" className="text-3xl font-bold leading-tight">
              <bdi>{name}</bdi>
            </h1>
            {otherScript ? (
              <p className="mt-1 text-xl text-muted" lang={locale === 'fa' ? 'en' : 'fa'} dir={locale === 'fa' ? 'ltr' : 'rtl'}>
                {otherScript}
              </p>
            ) : null}
            {person.otherNames.length > 0 ? (
              <p className="mt-2 text-sm">
                <span className="font-medium">{t('otherSpellings')}: </span>
                {person.otherNames.map((n, i) => (
                  <span key={n}>
                    {i > 0 ? (locale === 'fa' ? '، ' : ', ') : null}
                    <bdi>{n}</bdi>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        </header>

        {person.sensitiveContent ? (
          <p role="note" className="mt-6 rounded border border-line bg-white p-3">
            {t('sensitiveNote')}
          </p>
        ) : null}

        <PersonFactsView person={person} locale={locale} t={t} />

        <section aria-labelledby="testimonies-heading" className="mt-10">
          <h2 id="testimonies-heading" className="text-2xl font-semibold">
            {t('testimoniesHeading')}
          </h2>
          {testimonies.length > 0 ? (
            <TestimonyListView testimonies={testimonies} locale={locale} gender={person.gender} sensitive={person.sensitiveContent} t={t} />
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

        <section aria-labelledby="cite-heading" className="mt-10">
          <h2 id="cite-heading" className="text-2xl font-semibold">
            {t('citeHeading')}
          </h2>
          <p className="mt-2">{m('citeLive')}</p>
          <p className="mt-1 break-all font-mono text-sm" dir="ltr">
            {liveUrl}
          </p>
        </section>
      </article>
    </MirrorShell>
  );
}
