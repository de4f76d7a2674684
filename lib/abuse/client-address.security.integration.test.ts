// Issue 17: the client cannot choose the address its limits are counted under. A real HTTP server
// stamps each request as scripts/server.mjs does (lib/abuse/client-address.mjs) and counts it in the
// sign-in address bucket (lib/abuse/limits.ts), and requests are sent to it over loopback with
// forged, rotating and garbage X-Forwarded-For headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { recordFigure } from '@/lib/testing/security-figures';
import { requestAddressKey } from './address';
import { clientAddressOf, stampClientAddress } from './client-address.mjs';
import { consumeLimit, rules } from './limits';
import type { DbOrTx } from '@/db/types';

const allowance = rules['sign-in'].address()!;

describe('the client address a request is counted under', () => {
  it('with no trusted proxy: the connection, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('203.0.113.77', '198.51.100.1', 0)).toBe('198.51.100.1');
    expect(clientAddressOf(undefined, '::ffff:198.51.100.1', 0)).toBe('::ffff:198.51.100.1');
    expect(clientAddressOf('203.0.113.77', undefined, 0)).toBe('');
    expect(clientAddressOf(undefined, 'garbage', 0)).toBe('');
  });

  it('behind trusted proxies: the entry the outermost one saw, never one the client wrote before it', () => {
    expect(clientAddressOf('203.0.113.77', '10.0.0.1', 1)).toBe('203.0.113.77');
    expect(clientAddressOf('10.9.9.9, 203.0.113.77', '10.0.0.1', 1)).toBe('203.0.113.77');
    expect(clientAddressOf(['10.9.9.9', '203.0.113.77, 192.0.2.1'], '10.0.0.1', 2)).toBe('203.0.113.77');
    expect(clientAddressOf('203.0.113.77', '10.0.0.1', 2)).toBe('');
    expect(clientAddressOf('not-an-ip', '10.0.0.1', 1)).toBe('');
    expect(clientAddressOf(undefined, '10.0.0.1', 1)).toBe('');
  });
});

describe.each(testDatabases())('address limits over HTTP on $name', (target) => {
  const ctx = useTestDatabase(target);
  let server: http.Server | undefined;

  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server that stamps as scripts/server.mjs does and answers 200, or 429 when the sign-in address bucket is full. */
  async function serve(db: DbOrTx, hops: number): Promise<string> {
    server = http.createServer((request, response) => {
      stampClientAddress(request, hops);
      const headers = new Headers(Object.entries(request.headers).map(([k, v]) => [k, String(v)] as [string, string]));
      consumeLimit(db, 'sign-in', { address: requestAddressKey(headers) }).then(
        () => response.writeHead(200).end(),
        () => response.writeHead(429).end(),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
  }

  const send = async (url: string, forwardedFor?: string) =>
    (await fetch(url, { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } })).status;

  it(`TRUSTED_PROXY_HOPS=0: forged, rotating and garbage X-Forwarded-For all count against one bucket (${allowance} allowed)`, async () => {
    const url = await serve(ctx.db, 0);
    const forged = ['203.0.113.1', '203.0.113.1, 198.51.100.7', 'not-an-ip', '', '::1', '2001:db8::1', ' , , ', 'unknown'];
    const statuses: number[] = [];
    for (let i = 0; i < allowance; i++) statuses.push(await send(url, i % 3 === 0 ? `192.0.2.${i % 250}` : forged[i % forged.length]));
    const extra = await send(url, '192.0.2.251');
    recordFigure({ figure: `requests with rotating X-Forwarded-For passed beyond the address allowance (hops 0, ${allowance} allowed)`, measured: extra === 200 ? 1 : 0, target: '0', ok: extra === 429 });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(extra).toBe(429);
    expect(await send(url)).toBe(429);
  });

  it('TRUSTED_PROXY_HOPS=1: the entry the proxy appended is counted, so each client has its own bucket', async () => {
    const url = await serve(ctx.db, 1);
    for (let i = 0; i < allowance; i++) expect(await send(url, `10.1.1.1, 198.51.100.${100 + (i % 2)}`)).toBe(200);
    // The two clients' buckets are spent between them; a third client (same forged prefix) is not.
    expect(await send(url, '198.51.100.100')).toBe(200);
    for (let i = 0; i < allowance; i++) await send(url, '10.1.1.1, 198.51.100.100');
    expect(await send(url, '198.51.100.100')).toBe(429);
    expect(await send(url, '198.51.100.100, 198.51.100.102')).toBe(200);
    // A client that writes garbage where the proxy's entry would be is one "unknown" client.
    for (let i = 0; i < allowance; i++) await send(url, `198.51.100.100, junk-${i}`);
    expect(await send(url, 'more junk')).toBe(429);
  });
});
