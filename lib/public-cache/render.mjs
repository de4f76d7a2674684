// @ts-check
// A cache miss: the page is rendered by Next, through a loopback request the cache builds itself,
// so the bytes depend on the URL alone. The request carries the public origin's host, no cookie,
// no Accept-Language, no X-Forwarded-Host or -Proto from the client, and the render secret that
// makes proxy.ts put the placeholder where the nonce goes (render-slot.mjs). It carries the client's
// address as scripts/server.mjs decided it (lib/abuse/client-address.mjs), so limits count the
// reader who missed, never the loopback connection.
import http from 'node:http';
import { clientAddressHeader } from '../abuse/client-address.mjs';
import { renderHeader } from './render-slot.mjs';

/** @typedef {{ status: number; headers: [string, string][]; body: Buffer; spliced?: true }} Rendered spliced: made by search-fast.mjs */
/** @typedef {Rendered | 'too-big' | null} RenderResult null: the render failed */

/**
 * @param {{ port: number; secret: string; origin: URL; maxBytes: number }} options
 *   port: Next's loopback listener; origin: the configured public origin (AUTH_URL);
 *   maxBytes: a body longer than this is not kept (the request then goes to Next directly)
 * @returns {(key: string, client: http.IncomingMessage, extra?: http.OutgoingHttpHeaders) => Promise<RenderResult>}
 *   extra: more request headers (a submission step's shell: lib/forms-shell/step-fast.mjs)
 */
export function loopbackRenderer({ port, secret, origin, maxBytes }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  return (key, client, extra = {}) =>
    new Promise((resolve) => {
      const address = client.headers[clientAddressHeader];
      /** @type {http.OutgoingHttpHeaders} */
      const headers = {
        host: origin.host,
        'x-forwarded-proto': origin.protocol.slice(0, -1),
        accept: '*/*',
        'accept-encoding': 'identity',
        [renderHeader]: secret,
        ...(typeof address === 'string' ? { [clientAddressHeader]: address } : {}),
        ...extra,
      };
      const request = http.request({ agent, host: '127.0.0.1', port, method: 'GET', path: key, headers }, (response) => {
        const tooBig = () => {
          response.destroy();
          resolve('too-big');
        };
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooBig();
        /** @type {Buffer[]} */
        const chunks = [];
        let size = 0;
        response.on('data', (/** @type {Buffer} */ chunk) => {
          size += chunk.length;
          if (size > maxBytes) tooBig();
          else chunks.push(chunk);
        });
        response.on('end', () => {
          if (size > maxBytes) return;
          /** @type {[string, string][]} */
          const pairs = [];
          for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([/** @type {string} */ (response.rawHeaders[i]), /** @type {string} */ (response.rawHeaders[i + 1])]);
          resolve({ status: response.statusCode ?? 500, headers: pairs, body: Buffer.concat(chunks, size) });
        });
        response.on('error', () => resolve(null));
      });
      request.on('error', () => resolve(null));
      request.end();
    });
}
