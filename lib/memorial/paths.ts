// Public URLs of memorial records. A person's URL is a Latin slug plus the id: the id makes it
// permanent (names get corrected), the slug makes it readable. Pure: no server-only.
import { uuidSource } from '@/lib/validation/uuid';

const uuidTail = new RegExp(`(${uuidSource})$`, 'i');

/** Lower-case ASCII words joined by hyphens; "person" if nothing Latin is left. */
export function latinSlug(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'person';
}

const suffixWords = 2;

/**
 * A new person's stored slug (unique in the database): the Latin name and 64 random bits, so that
 * slugs do not collide even among millions of persons (32 bits, 8 hex digits, collided with even
 * odds at 100,000). `suffix` replaces the random part where the caller needs it reproducible.
 */
export function newPersonSlug(nameLatin: string | null, suffix?: string): string {
  const random = suffix ?? Array.from(crypto.getRandomValues(new Uint32Array(suffixWords)), (w) => w.toString(16).padStart(8, '0')).join('');
  return `${latinSlug(nameLatin ?? '')}-${random}`;
}

/** The path segment of a person: `<slug>-<id>`. */
export function personSegment(person: { id: string; slug: string }): string {
  return `${latinSlug(person.slug)}-${person.id.toLowerCase()}`;
}

/** `/<locale>/persons/<slug>-<id>` — the canonical, permanent path of a person's page. */
export function personPath(locale: string, person: { id: string; slug: string }): string {
  return `/${locale}/persons/${personSegment(person)}`;
}

/** A testimony's own permanent path (it redirects to the person's page that shows it). */
export function testimonyPermalinkPath(locale: string, testimonyId: string): string {
  return `/${locale}/testimonies/${testimonyId}`;
}

/** The person's page showing a testimony: from the page after `after` (an encoded cursor), at the testimony. */
export function testimonyPagePath(locale: string, person: { id: string; slug: string }, after: string | null, testimonyId: string): string {
  return `${personPath(locale, person)}${after ? `?after=${after}` : ''}#testimony-${testimonyId}`;
}

/** The id in a `<slug>-<id>` segment (or a bare id), or null. */
export function personIdFromSegment(segment: string): string | null {
  const match = uuidTail.exec(decodeURIComponent(segment));
  return match ? match[1]!.toLowerCase() : null;
}

/** A collection's public pages: `/<locale>/collections/<slug>` and its statistics, CSV files and feed. */
export const collectionPath = {
  home: (locale: string, slug: string) => `/${locale}/collections/${encodeURIComponent(slug)}`,
  statistics: (locale: string, slug: string) => `/${locale}/collections/${encodeURIComponent(slug)}/statistics`,
  chartCsv: (locale: string, slug: string, chart: string) => `/${locale}/collections/${encodeURIComponent(slug)}/statistics/${chart}.csv`,
  feed: (locale: string, slug: string) => `/${locale}/collections/${encodeURIComponent(slug)}/feed.xml`,
  browse: (locale: string, slug: string) => `/${locale}/search?${new URLSearchParams({ collection: slug })}`,
  submit: (locale: string, slug: string) => `/${locale}/submit?${new URLSearchParams({ collection: slug })}`,
};
