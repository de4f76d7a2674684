// The site's one public origin for every absolute URL it writes: canonical and citation links,
// JSON-LD, the API, feeds, sitemaps, robots.txt, invitation links. AUTH_URL, which production
// requires (lib/env.mjs); never the request's Host or X-Forwarded-* headers, which the client
// chooses: public pages are cached and served to every reader alike (lib/public-cache), so one
// forged header must not put another origin into them. Without AUTH_URL (development, tests):
// localhost on the server's port.
import { env } from '@/lib/env.mjs';

export function siteOrigin(): string {
  const configured = env().AUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}
