#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, so that the one
// thing Next does not hand the app, the connection's own address, is decided here. `next start`
// copies it into X-Forwarded-For only when the client sent none, so a client facing the app
// directly could write any address it likes and choose its own limit keys (issue 17).
// Usage: node scripts/server.mjs [-p PORT] [-H HOST]   (PORT and HOSTNAME from the environment too)
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { stampClientAddress } from '../lib/abuse/client-address.mjs';
import { parseEnv } from '../lib/env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
// A bad configuration stops the server here, naming the variable (next.config.js checks it too).
const hops = parseEnv(process.env).TRUSTED_PROXY_HOPS;

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  stampClientAddress(request, hops);
  handle(request, response).catch(() => {
    // Next answers its own errors; this only guards against a handler that threw after that.
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.listen(port, hostname, () => console.log(`Yadman listening on http://${hostname ?? 'localhost'}:${port}`));

// As `next start`: stop taking requests and exit on SIGTERM/SIGINT (the job worker stops on the
// same signals; db/lock.ts releases the database lock on exit).
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(signal === 'SIGTERM' ? 143 : 130));
  });
}
