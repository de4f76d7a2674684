// The Node flags scripts/server.mjs starts with, defined once: `npm start` (scripts/start.mjs), the
// bench (scripts/bench.ts), the end-to-end tests' servers (playwright.config.ts, which the shards of
// scripts/test-e2e.mjs run, and e2e/support/app-server.ts) all start the server as
// `node ${serverNodeArgs} scripts/server.mjs`.
//
// --max-semi-space-size=32 (MB; Node 20's default is 16): a young generation twice as large. A page
// allocates ~6 MB that dies with the request (docs/benchmarks.md, "Staff pages, profiled"); with
// the default semi-space, scavenges come often enough that a request's objects still in use are
// promoted to the old generation, whose full collections (30–130 ms each) landed in one request in
// twenty — the pages' p95. A start-up flag: V8 sizes the young generation when the heap is set up,
// so scripts/server.mjs cannot set it at run time as it does --heap-growing-percent. Its memory cost
// is weighed against issue 16's RSS line in docs/benchmarks.md.
export const serverNodeArgs = Object.freeze(['--max-semi-space-size=32']);

/** Whether this process was started with every flag of serverNodeArgs (on the command line or in NODE_OPTIONS). */
export function startedWithServerNodeArgs() {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return serverNodeArgs.every((flag) => given.includes(flag));
}
