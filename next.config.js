// @ts-check
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';
import { parseEnv } from './lib/env.mjs';
import { commonHeaders, resourcePolicy, resourcePolicyPaths } from './lib/security/headers.mjs';

// The catalogues (lib/i18n/messages) are compiled from ICU text at build time: pages then carry
// next-intl's small formatter instead of the ICU parser (~9 KB compressed of every page with a
// form), and no message is parsed in a phone's browser (issue 18, Lighthouse). A message is read
// through the translator only (t.raw would return the compiled form).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @param {string} phase */
export default function config(phase) {
  // A bad configuration stops the server at start, naming the variable. Secrets are not needed to build.
  const env = parseEnv(process.env, { requireSecrets: phase !== PHASE_PRODUCTION_BUILD });
  // File uploads go to route handlers under /api/uploads that stream them to disk (lib/media), not
  // to server actions, and the proxy does not run for them (proxy.ts `matcher`): the body limits
  // below never cut an upload.

  /** @type {import('next').NextConfig} */
  const nextConfig = {
    // Separate build folders let parallel end-to-end runs build side by side (playwright.config.ts).
    distDir: process.env.NEXT_DIST_DIR ?? '.next',
    // A build into another folder would add that folder's type globs to tsconfig.json (and the
    // file was committed with a helper's `.next-<name>` globs). tsconfig.dist-dir.json only extends
    // tsconfig.json, and Next leaves a config that extends another as it is.
    ...(process.env.NEXT_DIST_DIR && process.env.NEXT_DIST_DIR !== '.next' ? { typescript: { tsconfigPath: 'tsconfig.dist-dir.json' } } : {}),
    poweredByHeader: false,
    // No in-memory copy of Next's data cache (unstable_cache, lib/memorial/cache.ts): the public
    // cache in front (lib/public-cache) keeps the rendered bytes of the same public data version,
    // so a second copy of their data in memory would only add to the server's footprint (issue 16,
    // RSS ≤ 350 MB). The data cache stays on disk under the build folder, shared by the documents
    // that read the same data.
    cacheMaxMemorySize: 0,
    reactStrictMode: true,
    // PGlite ships wasm and extension files that bundling breaks; argon2 is a native binding;
    // rate-limiter-flexible loads drizzle-orm with a computed import() the bundler cannot follow.
    serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'rate-limiter-flexible'],
    // app/global-not-found.tsx: unmatched URLs get a server-rendered, translated 404.
    experimental: {
      globalNotFound: true,
      // The admin's CSV import posts its file to a server action: room for the largest accepted
      // file (lib/imports/csv.ts, 10 MB) plus the other fields, in the action and in the proxy.
      serverActions: { bodySizeLimit: '11mb' },
      proxyClientMaxBodySize: '11mb',
    },
    async headers() {
      // Submission pages are never stored by the browser or any cache (a seized phone's cache
      // must not hold a testimony); the pages are also dynamic.
      const noStore = [{ key: 'Cache-Control', value: 'no-store, max-age=0' }];
      return [
        { source: '/:path*', headers: commonHeaders({ production: env.NODE_ENV === 'production' }) },
        // Not on media: a header set here replaces the route's own, stricter policy (with `sandbox`).
        { source: resourcePolicyPaths, headers: [{ key: 'Content-Security-Policy', value: resourcePolicy }] },
        { source: '/:locale/submit/:path*', headers: noStore },
        { source: '/:locale/my-testimonies/:path*', headers: noStore },
      ];
    },
  };
  return withNextIntl(nextConfig);
}
