// GET /{locale}/collections/{slug}/feed.xml — the Atom feed of one collection's new publications,
// titles in the page language. Public.
import { hasLocale } from 'next-intl';
import { withDb } from '@/lib/db';
import { routing } from '@/lib/i18n/routing';
import { readCollectionBySlug } from '@/lib/memorial/collection-page';
import { atomFeed } from '@/lib/open-data/feed';
import { notFoundResponse, publicHeaders } from '@/lib/open-data/http';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return notFoundResponse();
  const collection = await withDb(readCollectionBySlug, slug);
  if (!collection) return notFoundResponse();
  const xml = await withDb(atomFeed, locale, siteOrigin(), collection);
  return new Response(xml, { headers: publicHeaders('application/atom+xml; charset=utf-8') });
}
