// schema.org metadata of a person's page: a ProfilePage (the record: its id, dates and the
// collection it is part of) whose main entity is the Person. Every URL from the configured public
// origin (lib/open-data/site.ts). Used by the site's page and the static mirror alike.
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPerson } from '@/lib/memorial/dto';
import { personPath } from '@/lib/memorial/paths';

export function personJsonLd(person: PublicPerson, locale: Locale, origin: string): Record<string, unknown> {
  const url = `${origin}${personPath(locale, person)}`;
  const died = person.outcome === 'killed' || person.outcome === 'executed';
  const name = person.nameLatin ?? person.nameFa;
  const collectionName = locale === 'fa' ? person.collection.nameFa : person.collection.nameEn;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    '@id': `${url}#page`,
    url,
    identifier: person.id,
    inLanguage: locale,
    ...(person.publishedAt ? { datePublished: person.publishedAt } : {}),
    dateModified: person.updatedAt,
    isPartOf: {
      '@type': 'Collection',
      '@id': `${origin}/${locale}/search?collection=${encodeURIComponent(person.collection.slug)}`,
      name: collectionName,
      alternateName: locale === 'fa' ? person.collection.nameEn : person.collection.nameFa,
      identifier: person.collection.slug,
    },
    publisher: { '@type': 'Organization', name: 'Yadman', url: origin },
    mainEntity: {
      '@type': 'Person',
      '@id': url,
      identifier: person.id,
      url,
      name,
      alternateName: [person.nameFa, ...person.otherNames].filter((n) => n !== name),
      ...(person.gender === 'female' || person.gender === 'male' ? { gender: person.gender === 'female' ? 'Female' : 'Male' } : {}),
      ...(died && person.incidentDate ? { deathDate: person.incidentDate } : {}),
      ...(died && person.city ? { deathPlace: { '@type': 'Place', name: person.city } } : {}),
      ...(person.birthYear ? { birthDate: String(person.birthYear) } : {}),
      ...(person.occupation ? { jobTitle: person.occupation } : {}),
    },
  };
}
