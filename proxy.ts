import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

// Locale redirects only: `/` → `/fa` or `/en` from Accept-Language, and paths without a locale
// prefix → the same path under the negotiated locale. This is NEVER a security decision:
// authentication and authorization are checked in the data layer (lib/), where data is read,
// because the proxy can be skipped (matcher gaps, the 2025 middleware-bypass advisories).
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next internals and files with an extension (icon.svg, …).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
