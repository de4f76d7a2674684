#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node `http` server that answers
// public documents from the public cache (lib/public-cache, docs/architecture.md "The public
// cache"), and decides the one thing Next does not hand the app: the connection's own address
// (`next start` copies it into X-Forwarded-For only when the client sent none, so a client facing
// the app directly could choose its own limit keys; issue 17). `npm start` (scripts/start.mjs),
// the bench and the end-to-end tests all run this file.
//   node scripts/server.mjs [-p PORT] [-H HOST]      (or PORT / HOSTNAME in the environment)
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import next from 'next';
import { stampClientAddress } from '../lib/abuse/client-address.mjs';
import { parseEnv } from '../lib/env.mjs';
import { createPublicCache } from '../lib/public-cache/cache.mjs';
import { loopbackRenderer } from '../lib/public-cache/render.mjs';
import { cacheKey, isTextSearch } from '../lib/public-cache/routes.mjs';
import { installRenderSlot, renderHeader } from '../lib/public-cache/render-slot.mjs';
import { searchSplicer } from '../lib/public-cache/search-fast.mjs';
import { createStaticBrotli } from '../lib/public-cache/static-brotli.mjs';
import { providedVersionReader } from '../lib/public-cache/version-source.mjs';
import { versionGate } from '../lib/public-cache/version-gate.mjs';
import { baselineHeaders } from '../lib/security/headers.mjs';
import { formPosts } from '../lib/submission/fast-posts.mjs';
import { stepSplicer } from '../lib/forms-shell/step-fast.mjs';
import { stepShellHeader } from '../lib/forms-shell/step-shell.mjs';

// Memory (issue 16: RSS ≤ 350 MB at peak under the bench). V8 lets the heap grow to several times
// what is live before collecting it all, and keeps what it grew to: on a machine with a lot of memory
// a burst of renders left the server at ~400 MB with ~200 MB in use. Growing by 20 % over the live
// heap between full collections instead keeps the peak near what is live, without the hard cap of
// --max-old-space-size (which turns a burst into an out-of-memory crash). The one V8 flag that takes
// effect when set at run time; measured in docs/benchmarks.md.
v8.setFlagsFromString('--heap-growing-percent=20');

process.env.NODE_ENV ??= 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const root = path.resolve(import.meta.dirname, '..');
const argument = (/** @type {string[]} */ ...names) => {
  const at = process.argv.findIndex((a) => names.includes(a));
  return at === -1 ? undefined : process.argv[at + 1];
};
const port = Number(argument('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = argument('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';

// A bad configuration stops the server here, naming the variable (AUTH_URL is required in production).
const config = parseEnv(process.env, { requireSecrets: true });
const origin = new URL(config.AUTH_URL ?? `http://localhost:${port}`);
const hops = config.TRUSTED_PROXY_HOPS;

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

// Next's own listener, on loopback only: the cache's render requests (lib/public-cache/render.mjs).
const slot = installRenderSlot();
const internal = http.createServer((req, res) => {
  if (req.headers[renderHeader] !== slot.secret) {
    res.writeHead(403).end();
    return;
  }
  void handle(req, res);
});
await new Promise((resolve) => internal.listen(0, '127.0.0.1', () => resolve(undefined)));
const internalPort = /** @type {import('node:net').AddressInfo} */ (internal.address()).port;

const cacheBytes = config.PUBLIC_CACHE_MB * 1024 * 1024;
const renderer = loopbackRenderer({ port: internalPort, secret: slot.secret, origin, maxBytes: Math.min(16 * 1024 * 1024, cacheBytes / 4) });
// Searches the cache has not kept are spliced into the search page's shell rather than rendered
// (lib/public-cache/search-fast.mjs); the shell's own render comes from no client.
const noClient = /** @type {import('node:http').IncomingMessage} */ (/** @type {unknown} */ ({ headers: {} }));
const searches = searchSplicer({ renderShell: (key) => renderer(key, noClient), placeholder: slot.placeholder });
// A submission step's page loaded by its owner is spliced into the step's shell rather than rendered
// (lib/forms-shell/step-fast.mjs); anything it does not answer goes on to Next unchanged.
const stepRenderer = loopbackRenderer({ port: internalPort, secret: slot.secret, origin, maxBytes: 4 * 1024 * 1024 });
const steps = config.STEP_SHELLS ? stepSplicer({ renderShell: (key, header) => stepRenderer(key, noClient, { [stepShellHeader]: header }), placeholder: slot.placeholder }) : null;
const cache =
  cacheBytes > 0
    ? createPublicCache({
        maxBytes: cacheBytes,
        placeholder: slot.placeholder,
        // The app hands over its reader once instrumentation.ts has run; until then, no answer from the cache.
        // A database that does not answer within 2 s sends the request on to Next, whose proxy
        // shows the outage page (proxy.ts), instead of holding it for the driver's connect timeout.
        version: versionGate(() => {
          const read = providedVersionReader();
          if (!read) return Promise.reject(new Error('the app has not started'));
          return Promise.race([read(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 2000).unref())]);
        }),
        render: renderer,
        begin: searches.begin,
        mostlyAskedOnce: isTextSearch,
      })
    : null;

// The build's scripts and stylesheets in Brotli (Next sends gzip only), with the headers
// next.config.js gives them (lib/public-cache/static-brotli.mjs).
const staticBrotli = createStaticBrotli({
  staticDir: path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'static'),
  headers: baselineHeaders({ production: config.NODE_ENV === 'production' }),
});

// The submission journey's form posts sent without JavaScript, answered without Next's page
// pipeline when the app is sure of them (lib/submission/fast-posts.mjs); any other goes to Next.
const posts = formPosts({ distDir: path.join(root, process.env.NEXT_DIST_DIR ?? '.next'), production: config.NODE_ENV === 'production' });

const server = http.createServer(async (req, res) => {
  // Only the cache's own loopback requests may carry the render secret.
  delete req.headers[renderHeader];
  delete req.headers[stepShellHeader];
  if (staticBrotli.serve(req, res)) return;
  // The client's address, for every request that reaches the app (a cache miss's render carries it).
  stampClientAddress(req, hops);
  if (posts.wants(req)) {
    const forNext = await posts.answer(req, res);
    if (forNext) void handle(forNext, res);
    return;
  }
  const key = cache ? cacheKey(req.method, req.url, req.headers) : null;
  if (cache && key) {
    try {
      if (await cache.serve(req, res, key)) return;
    } catch (error) {
      console.error('public cache: answering from Next instead', error instanceof Error ? error.message : error);
      if (res.headersSent) return void res.destroy();
    }
  }
  try {
    if (steps && (await steps.serve(req, res))) return;
  } catch (error) {
    console.error('forms shell: answering from Next instead', error instanceof Error ? error.message : error);
    if (res.headersSent) return void res.destroy();
  }
  void handle(req, res);
});
server.listen(port, hostname, () => console.info(`Yadman ready on http://${hostname}:${port} (public cache ${config.PUBLIC_CACHE_MB} MB)`));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close();
    internal.close();
    // As `next start`: exit now; the database lock and the job worker let go on 'exit'.
    setImmediate(() => process.exit(0));
  });
}
