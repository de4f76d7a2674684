// GET /{locale}/feed.xml — Atom feed of new publications, titles in the page language. Public.
import { hasLocale } from 'next-intl';
import { withDb } from '@/lib/db';
import { routing } from '@/lib/i18n/routing';
import { atomFeed } from '@/lib/open-data/feed';
import { notFoundResponse, publicHeaders } from '@/lib/open-data/http';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return notFoundResponse();
  const xml = await withDb(atomFeed, locale, siteOrigin());
  return new Response(xml, { headers: publicHeaders('application/atom+xml; charset=utf-8') });
}
