// @ts-check
// Which address sent a request, decided once where the connection is known (scripts/server.mjs)
// and handed to the app in one header that no client can set. Plain ESM: the server runs it before
// Next, outside the bundler.
import { isIP } from 'node:net';

/** The request header scripts/server.mjs writes (overwriting whatever the client sent). */
export const clientAddressHeader = 'x-yadman-client-address';

/**
 * The client's address for a connection from `peer` carrying `forwardedFor` (X-Forwarded-For).
 * With no trusted proxy (`hops` 0) the connection's own address: the header is the client's own
 * writing and is ignored. With `hops` trusted proxies each appending the address it saw, the entry
 * `hops` places from the right (the one the outermost trusted proxy saw); anything left of it was
 * written by the client. Empty when there is no usable address: the app then counts it under one
 * shared "unknown" key (lib/abuse/address.ts), never under none.
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined} peer
 * @param {number} hops
 * @returns {string}
 */
export function clientAddressOf(forwardedFor, peer, hops) {
  const candidate = hops === 0 ? peer : forwardedChain(forwardedFor).at(-hops);
  const address = candidate?.trim() ?? '';
  return isIP(address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')) ? address : '';
}

/** @param {string | string[] | undefined} header */
function forwardedChain(header) {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * Writes the client's address into `clientAddressHeader` of an incoming Node request.
 * @param {import('node:http').IncomingMessage} request
 * @param {number} hops
 */
export function stampClientAddress(request, hops) {
  request.headers[clientAddressHeader] = clientAddressOf(request.headers['x-forwarded-for'], request.socket.remoteAddress, hops);
}
