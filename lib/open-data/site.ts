// The site's public origin for absolute URLs in the API, feeds and sitemap. AUTH_URL is the
// configured public address; the request's own origin is only a fallback (development, tests),
// because a Host header is chosen by the client and must not end up in shared caches.
import { env } from '@/lib/env.mjs';

export function siteOrigin(request?: Request): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  if (request) return new URL(request.url).origin;
  return 'http://localhost:3000';
}
