// The client's address, only ever as a daily-rotated keyed hash (PRODUCT.md §2: no address is
// stored or logged). HMAC-SHA256 with a key derived from AUTH_SECRET and the UTC day: the same
// address gives the same key all day (so a limit can count it) and an unrelated one the next day;
// without AUTH_SECRET nobody can test a guessed address against a stored key.
import { createHmac, hkdfSync } from 'node:crypto';
import { isIP } from 'node:net';
import { defaultSecret } from '@/lib/crypto/secret-box';
import { clientAddressHeader } from './client-address.mjs';

/**
 * The address that sent the request, as scripts/server.mjs decided it from the connection and
 * `TRUSTED_PROXY_HOPS` (lib/abuse/client-address.mjs) and wrote into a header it overwrites on
 * every request: a client cannot choose it. Null when there is no usable address (also when the
 * app runs without that server, e.g. `next dev`).
 */
export function clientAddress(headers: Headers): string | null {
  const entry = headers.get(clientAddressHeader)?.trim();
  return entry && isIP(stripMapped(entry)) ? entry : null;
}

/** The one key every request without a usable address is counted under (never under none). */
export const unknownAddressKey = 'unknown';

function stripMapped(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * What a limit counts: an IPv4 address, or the /64 network of an IPv6 address (one household or
 * phone gets a whole /64, so single IPv6 addresses would be free to rotate).
 */
export function addressUnit(address: string): string {
  const plain = stripMapped(address.trim().toLowerCase());
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':')}::/64`;
}

/** The UTC day, `YYYY-MM-DD`, that selects the hashing key. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The keyed hash of the address for `now`'s UTC day (43 base64url characters). */
export function addressKey(address: string, now = new Date(), secret = defaultSecret()): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'yadman', `abuse address ${utcDay(now)}`, 32));
  return createHmac('sha256', key).update(addressUnit(address)).digest('base64url');
}

/** The hashed address of a request; `unknownAddressKey` when it has none usable. */
export function requestAddressKey(headers: Headers, now = new Date()): string {
  const address = clientAddress(headers);
  return address ? addressKey(address, now) : unknownAddressKey;
}
