import type { Metadata } from 'next';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { JsonLd } from '@/components/memorial/json-ld';
import { PersonFacts } from '@/components/memorial/person-facts';
import { displayName, PersonHeader } from '@/components/memorial/person-header';
import { TestimonyList } from '@/components/memorial/testimony-list';
import { CitationForms } from '@/components/memorial/citation-forms';
import { personJsonLd } from '@/components/memorial/person-json-ld';
import { provinces } from '@/lib/geo/provinces';
import { routing } from '@/lib/i18n/routing';
import { withDb } from '@/lib/db';
import { cachedPublicTestimoniesForPerson, cachedPublishedPerson } from '@/lib/memorial/cache';
import { publicSurvivorOf } from '@/lib/memorial/merged';
import type { PublicPerson } from '@/lib/memorial/dto';
import { personIdFromSegment, personPath, personSegment, testimonyPermalinkPath } from '@/lib/memorial/paths';
import { siteOrigin } from '@/lib/open-data/site';
import { decodeCursor, encodeCursor, testimonyCursor } from '@/lib/pagination/cursor';

type Props = { params: Promise<{ locale: string; slugAndId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(segment: string): Promise<PublicPerson | null> {
  const id = personIdFromSegment(segment);
  return id ? cachedPublishedPerson(id) : null;
}


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slugAndId } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  await connection();
  const person = await load(slugAndId);
  if (!person) return {};
  const t = await getTranslations({ locale, namespace: 'Person' });
  const origin = siteOrigin();
  const name = displayName(person, locale);
  const province = provinces.find((x) => x.code === person.province);
  const place = [person.city, province ? (locale === 'fa' ? province.nameFa : province.nameEn) : null].filter(Boolean).join(', ');
  const description = t('metaDescription', { name, outcome: t(`outcome.${person.outcome}`), place });
  const url = `${origin}${personPath(locale, person)}`;
  return {
    title: name,
    description,
    alternates: {
      canonical: url,
      languages: Object.fromEntries(routing.locales.map((l) => [l, `${origin}${personPath(l, person)}`])),
    },
    openGraph: {
      type: 'profile',
      url,
      title: name,
      description,
      locale: locale === 'fa' ? 'fa_IR' : 'en_US',
      ...(person.portrait && !person.sensitiveContent ? { images: [{ url: `${origin}${person.portrait.src}` }] } : {}),
    },
  };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const { locale, slugAndId } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const person = await load(slugAndId);
  // Unknown and unpublished ids end on the site's one 404 page (server-rendered; Next 16's
  // notFound() would send an empty body without JavaScript, see app/global-not-found.tsx).
  // No route matches /<locale>/not-found, so it is answered by global-not-found with status 404.
  if (!person) {
    // A merged duplicate's old URL leads to the person it was merged into (lib/memorial/merged.ts).
    const survivor = await withDb(publicSurvivorOf, personIdFromSegment(slugAndId) ?? '');
    if (survivor) permanentRedirect(personPath(locale, survivor));
    redirect(`/${locale}/not-found`);
  }
  if (decodeURIComponent(slugAndId) !== personSegment(person)) permanentRedirect(personPath(locale, person));

  // Testimonies a page at a time (keyset): `?after=` is the last one shown, so the URL of any page can be shared.
  const { after: afterParam } = await searchParams;
  const after = typeof afterParam === 'string' ? decodeCursor(testimonyCursor, afterParam) : null;
  const [testimonies, t, origin] = await Promise.all([
    cachedPublicTestimoniesForPerson(person.id, after),
    getTranslations({ locale, namespace: 'Person' }),
    siteOrigin(),
  ]);
  const url = `${origin}${personPath(locale, person)}`;

  return (
    <article className="mx-auto max-w-3xl px-4 py-8 sm:py-10" aria-labelledby="person-name">
      <JsonLd data={personJsonLd(person, locale, origin)} />
      <PersonHeader person={person} locale={locale} t={t} />

      <PersonFacts person={person} locale={locale} />

      <section aria-labelledby="testimonies-heading" className="mt-10">
        <h2 id="testimonies-heading" className="text-2xl font-semibold">
          {t('testimoniesHeading')}
        </h2>
        {testimonies.items.length > 0 ? (
          <TestimonyList
            testimonies={testimonies.items}
            locale={locale}
            gender={person.gender}
            sensitive={person.sensitiveContent}
            permalink={(id) => origin + testimonyPermalinkPath(locale, id)}
          />
        ) : (
          <p className="mt-2 text-muted">{t('testimoniesNone')}</p>
        )}
        {testimonies.next || after ? (
          <nav aria-labelledby="testimonies-heading" className="mt-4 flex flex-wrap gap-4">
            {after ? <a href={`${personPath(locale, person)}#testimonies-heading`}>{t('testimoniesFirst')}</a> : null}
            {testimonies.next ? (
              <a href={`${personPath(locale, person)}?after=${encodeCursor([testimonies.next.at, testimonies.next.id])}#testimonies-heading`} rel="next">
                {t('testimoniesMore')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>

      {person.sources.length > 0 ? (
        <section aria-labelledby="sources-heading" className="mt-10">
          <h2 id="sources-heading" className="text-2xl font-semibold">
            {t('sourcesHeading')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 ps-6">
            {person.sources.map((s) => (
              <li key={s.url}>
                {/* External sources: no referrer, no opener; the reader chooses to leave. Only web
                    links are links (a stored `javascript:`/`data:` URL stays text). */}
                {/^https?:\/\//i.test(s.url) ? (
                  <a href={s.url} rel="noreferrer noopener nofollow" dir="auto">
                    {s.title ?? s.url}
                  </a>
                ) : (
                  <span dir="auto">{s.title ?? s.url}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CitationForms person={person} locale={locale} url={url} t={t} />

      <section aria-labelledby="correction-heading" className="mt-10">
        <h2 id="correction-heading" className="text-2xl font-semibold">
          {t('correctionHeading')}
        </h2>
        <p className="mt-2">
          <a href={`/${locale}/submit?person=${person.id}`}>{t('correctionLink')}</a>
        </p>
      </section>
    </article>
  );
}
