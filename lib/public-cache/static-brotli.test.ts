import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaticBrotli } from './static-brotli.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-brotli-'));
const script = `self.chunk=${JSON.stringify('framework code '.repeat(400))};`;
fs.mkdirSync(path.join(dir, 'chunks'));
fs.writeFileSync(path.join(dir, 'chunks', 'abc_1.js'), script);
fs.writeFileSync(path.join(dir, 'chunks', 'tiny.css'), 'a{}');
fs.writeFileSync(path.join(dir, 'secret.txt'), 'not served');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const headers = [{ key: 'X-Content-Type-Options', value: 'nosniff' }, { key: 'Content-Security-Policy', value: "default-src 'none'" }];

function ask(serve: ReturnType<typeof createStaticBrotli>['serve'], url: string, requestHeaders: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }, method = 'GET') {
  const out: { status?: number; headers: Record<string, string>; body?: Buffer } = { headers: {} };
  const res = {
    writeHead(status: number, list: string[]) {
      out.status = status;
      for (let i = 0; i < list.length; i += 2) out.headers[list[i]!.toLowerCase()] = list[i + 1]!;
    },
    end(body?: Buffer) {
      out.body = body;
    },
  } as unknown as ServerResponse;
  const served = serve({ method, url, headers: requestHeaders } as unknown as IncomingMessage, res);
  return { served, out };
}

/** Waits for the compression the first request started (it runs in zlib's thread pool). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('static scripts and stylesheets in Brotli', () => {
  it('leaves the first request to Next, then answers with the same bytes in Brotli and the resource headers', async () => {
    const { serve } = createStaticBrotli({ staticDir: dir, headers });
    expect(ask(serve, '/_next/static/chunks/abc_1.js').served).toBe(false);
    await settle();
    const { served, out } = ask(serve, '/_next/static/chunks/abc_1.js');
    expect(served).toBe(true);
    expect(out.status).toBe(200);
    expect(out.headers['content-encoding']).toBe('br');
    expect(out.headers['vary']).toBe('Accept-Encoding');
    expect(out.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(out.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(out.headers['content-security-policy']).toBe("default-src 'none'");
    expect(out.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(out.headers['content-length'])).toBe(out.body!.length);
    expect(out.body!.length).toBeLessThan(script.length);
    expect(brotliDecompressSync(out.body!).toString()).toBe(script);
    // HEAD: the headers without a body.
    const head = ask(serve, '/_next/static/chunks/abc_1.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.served).toBe(true);
    expect(head.out.body).toBeUndefined();
  });

  it('leaves to Next a client without Brotli, ranges, conditional requests, queries and other paths', async () => {
    const { serve } = createStaticBrotli({ staticDir: dir, headers });
    ask(serve, '/_next/static/chunks/abc_1.js');
    await settle();
    expect(ask(serve, '/_next/static/chunks/abc_1.js', { 'accept-encoding': 'gzip, deflate' }).served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/abc_1.js', { 'accept-encoding': 'br;q=0, gzip' }).served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/abc_1.js', { 'accept-encoding': 'br', range: 'bytes=0-10' }).served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/abc_1.js', { 'accept-encoding': 'br', 'if-none-match': 'W/"x"' }).served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/abc_1.js?v=1').served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/abc_1.js', undefined, 'POST').served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/../secret.txt').served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/../../package.js').served).toBe(false);
    expect(ask(serve, '/fa/sign-up').served).toBe(false);
  });

  it('keeps nothing for a name that is not a file of the build, and never compresses what does not shrink', async () => {
    const { serve } = createStaticBrotli({ staticDir: dir, headers });
    ask(serve, '/_next/static/chunks/missing.js');
    ask(serve, '/_next/static/chunks/tiny.css');
    await settle();
    expect(ask(serve, '/_next/static/chunks/missing.js').served).toBe(false);
    expect(ask(serve, '/_next/static/chunks/tiny.css').served).toBe(false);
    // The missing name was forgotten, so asking again starts (and fails) again instead of being stored.
    fs.writeFileSync(path.join(dir, 'chunks', 'missing.js'), script);
    await settle();
    ask(serve, '/_next/static/chunks/missing.js');
    await settle();
    expect(ask(serve, '/_next/static/chunks/missing.js').served).toBe(true);
  });
});
