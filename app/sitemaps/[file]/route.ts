// GET /sitemaps/{n}.xml — one file of a sitemap split because it passed 50,000 URLs.
import { withDb } from '@/lib/db';
import { notFoundResponse, publicHeaders } from '@/lib/open-data/http';
import { siteOrigin } from '@/lib/open-data/site';
import { sitemapFile } from '@/lib/open-data/sitemap';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).file);
  const xml = match ? await withDb(sitemapFile, siteOrigin(), Number(match[1])) : null;
  return xml ? new Response(xml, { headers: publicHeaders('application/xml; charset=utf-8') }) : notFoundResponse();
}
