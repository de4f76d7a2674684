// GET /sitemap.xml — every public page and published person in both languages, or, past 50,000
// URLs, an index of /sitemaps/{n}.xml files. Read per request (the build must not touch the database).
import { withDb } from '@/lib/db';
import { publicHeaders } from '@/lib/open-data/http';
import { siteOrigin } from '@/lib/open-data/site';
import { sitemapRoot } from '@/lib/open-data/sitemap';

export const dynamic = 'force-dynamic';

export async function GET() {
  const xml = await withDb(sitemapRoot, siteOrigin());
  return new Response(xml, { headers: publicHeaders('application/xml; charset=utf-8') });
}
