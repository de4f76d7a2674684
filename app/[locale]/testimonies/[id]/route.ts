// GET /{locale}/testimonies/{id} — a testimony's permanent link: it leads to the page of the person
// it is about that shows it, at the testimony (#testimony-<id>). The target moves as testimonies
// are added (a later page), so the redirect is temporary while this address stays the same.
// Unknown and unpublished ids end on the site's one 404 page, like a person's. Public.
import { hasLocale } from 'next-intl';
import { withDb } from '@/lib/db';
import { routing } from '@/lib/i18n/routing';
import { publicTestimonyLocation } from '@/lib/memorial';
import { publicRead } from '@/lib/memorial/public-read';
import { testimonyPagePath } from '@/lib/memorial/paths';
import { encodeCursor } from '@/lib/pagination/cursor';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: asked, id } = await params;
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const found = hasLocale(routing.locales, asked) ? await withDb((db) => publicRead(db, (tx) => publicTestimonyLocation(tx, id.toLowerCase()))) : null;
  // Every absolute URL from the configured origin, never the request's Host (lib/open-data/site.ts).
  const target = found ? testimonyPagePath(locale, found.person, found.after && encodeCursor([found.after.at, found.after.id]), id.toLowerCase()) : `/${locale}/not-found`;
  return new Response(null, {
    status: 307,
    headers: { Location: siteOrigin() + target, 'Cache-Control': 'public, max-age=60', 'X-Content-Type-Options': 'nosniff' },
  });
}
