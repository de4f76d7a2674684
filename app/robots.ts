// /robots.txt — the memorial and open data may be indexed; account, submission and staff pages
// (all behind sign-in anyway) are not worth crawling.
import type { MetadataRoute } from 'next';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: ['/', '/api/v1/'],
      disallow: ['/api/', '/*/sign-in', '/*/sign-up', '/*/account', '/*/submit', '/*/staff', '/*/invite'],
    },
    sitemap: `${siteOrigin()}/sitemap.xml`,
  };
}
