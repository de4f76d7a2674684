// /sitemap.xml — the public pages and every published person's page, in both languages.
// Read per request (the build must not touch the database). One file holds up to 50,000 URLs;
// past ~24,000 persons this needs splitting with generateSitemaps.
import type { MetadataRoute } from 'next';
import { getDb } from '@/db/client';
import { routing } from '@/lib/i18n/routing';
import { personPath } from '@/lib/memorial/paths';
import { iteratePublicPersons } from '@/lib/open-data/persons';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

const maxUrls = 50_000;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const languages = (path: (locale: string) => string) =>
    Object.fromEntries(routing.locales.map((l) => [l, origin + path(l)]));
  const entries: MetadataRoute.Sitemap = [];
  for (const page of ['', '/search', '/statistics', '/data']) {
    for (const locale of routing.locales) {
      entries.push({ url: `${origin}/${locale}${page}`, alternates: { languages: languages((l) => `/${l}${page}`) } });
    }
  }
  for await (const batch of iteratePublicPersons(await getDb())) {
    for (const person of batch) {
      for (const locale of routing.locales) {
        if (entries.length >= maxUrls) return entries;
        entries.push({
          url: origin + personPath(locale, person),
          lastModified: person.publishedAt ?? undefined,
          alternates: { languages: languages((l) => personPath(l, person)) },
        });
      }
    }
  }
  return entries;
}
