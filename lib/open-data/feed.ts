// The Atom feed of new publications: newly published persons and testimonies, newest first.
// A testimony entry carries no narrative text, only a link: feed readers keep copies forever, and a
// testimony that is later withdrawn must not live on in them.
import 'server-only';
import type { DbOrTx } from '@/db/types';
import { calendarOf, formatStoredDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { getPublishedPerson, listPublicTestimonies, listPublishedPersons } from '@/lib/memorial';
import { collectionPath, personPath } from '@/lib/memorial/paths';
import { translatorFor } from './translator';

export const feedSize = 50;

type Entry = { id: string; title: string; url: string; updated: string; summary: string };

export function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** The collection a feed is limited to (its own publications only), or none for the whole site. */
export type FeedCollection = { id: string; slug: string; nameFa: string; nameEn: string };

export async function atomFeed(db: DbOrTx, locale: Locale, origin: string, collection?: FeedCollection): Promise<string> {
  const t = translatorFor(locale, 'OpenData');
  const s = translatorFor(locale, 'Statistics');
  const [persons, testimonies] = await Promise.all([
    listPublishedPersons(db, { sort: 'recent', limit: feedSize, ...(collection && { collection: collection.slug }) }),
    listPublicTestimonies(db, { limit: feedSize, ...(collection && { collectionId: collection.id }) }),
  ]);
  const known = new Map(persons.items.map((p) => [p.id, p]));
  const name = (p: { nameFa: string; nameLatin: string | null }) => (locale === 'fa' ? p.nameFa : p.nameLatin ?? p.nameFa);

  const entries: Entry[] = persons.items.map((p) => ({
    id: `urn:uuid:${p.id}`,
    title: name(p),
    url: origin + personPath(locale, p),
    updated: p.publishedAt ?? new Date(0).toISOString(),
    summary: [
      s(`outcome.values.${p.outcome}`),
      p.city,
      p.incidentDate ? formatStoredDate(p.incidentDate, p.incidentDatePrecision, locale, calendarOf(locale)) : null,
    ]
      .filter(Boolean)
      .join(locale === 'fa' ? '، ' : ', '),
  }));
  for (const testimony of testimonies.items) {
    const personId = testimony.personIds[0];
    if (!personId) continue;
    const person = known.get(personId) ?? (await getPublishedPerson(db, personId));
    if (!person) continue;
    entries.push({
      id: `urn:uuid:${testimony.id}`,
      title: t('feed.testimonyTitle', { name: name(person) }),
      url: origin + personPath(locale, person),
      updated: testimony.publishedAt ?? new Date(0).toISOString(),
      summary: t('feed.testimonySummary'),
    });
  }
  entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  const latest = entries.slice(0, feedSize);
  const self = origin + (collection ? collectionPath.feed(locale, collection.slug) : `/${locale}/feed.xml`);
  const home = origin + (collection ? collectionPath.home(locale, collection.slug) : `/${locale}`);
  const collectionName = collection && (locale === 'fa' ? collection.nameFa : collection.nameEn);
  const title = collectionName ? t('feed.collectionTitle', { name: collectionName }) : t('feed.title');
  const subtitle = collectionName ? t('feed.collectionSubtitle', { name: collectionName }) : t('feed.subtitle');
  const updated = latest[0]?.updated ?? new Date(0).toISOString();

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `<id>${xmlEscape(self)}</id>`,
    `<title>${xmlEscape(title)}</title>`,
    `<subtitle>${xmlEscape(subtitle)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(home)}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${xmlEscape(t('feed.author'))}</name></author>`,
    ...latest.map((e) =>
      [
        '<entry>',
        `<id>${e.id}</id>`,
        `<title>${xmlEscape(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
        `<updated>${e.updated}</updated>`,
        `<summary>${xmlEscape(e.summary)}</summary>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}
