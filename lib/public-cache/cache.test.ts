import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { acceptedEncodings, createPublicCache } from './cache.mjs';
import type { Rendered } from './render.mjs';

const placeholder = '0123456789abcdef01234567';
const page = (text: string) => `<html><script nonce="${placeholder}">go()</script><p>${text}</p>${'x'.repeat(2000)}</html>`;

function answer(req: { method?: string; headers?: Record<string, string> } = {}) {
  const out: { status?: number; headers: Record<string, string>; body?: Buffer } = { headers: {} };
  const res = {
    writeHead(status: number, headers: string[]) {
      out.status = status;
      for (let i = 0; i < headers.length; i += 2) out.headers[headers[i]!.toLowerCase()] = headers[i + 1]!;
    },
    cork() {},
    write(chunk: Buffer) {
      out.body = Buffer.concat([out.body ?? Buffer.alloc(0), chunk]);
    },
    end(body?: Buffer) {
      if (body) out.body = Buffer.concat([out.body ?? Buffer.alloc(0), body]);
    },
  } as unknown as ServerResponse;
  return { req: { method: 'GET', headers: {}, ...req } as unknown as IncomingMessage, res, out };
}

function setUp(render: (key: string) => Promise<Rendered | 'too-big' | null>, mostlyAskedOnce?: (key: string) => boolean) {
  let version = 1;
  let renders = 0;
  const cache = createPublicCache({
    maxBytes: 1024 * 1024,
    placeholder,
    mostlyAskedOnce,
    version: async () => version,
    render: (key) => {
      renders += 1;
      return render(key);
    },
  });
  return { cache, bump: () => (version += 1), renders: () => renders };
}

const ok = (text: string, extra: [string, string][] = []): Rendered => ({
  status: 200,
  headers: [['Content-Type', 'text/html; charset=utf-8'], ['Content-Security-Policy', `script-src 'nonce-${placeholder}'`], ...extra],
  body: Buffer.from(page(text)),
});

describe('the public cache', () => {
  it('renders once for concurrent misses, then serves bytes with a fresh nonce on every response', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, renders } = setUp(async () => {
      await gate;
      return ok('hello');
    });
    const answers = Array.from({ length: 5 }, () => answer());
    const served = answers.map((a) => cache.serve(a.req, a.res, '/en'));
    release();
    expect(await Promise.all(served)).toEqual([true, true, true, true, true]);
    expect(renders()).toBe(1);
    const more = Array.from({ length: 20 }, () => answer());
    for (const a of more) await cache.serve(a.req, a.res, '/en');
    const nonces = new Set<string>();
    for (const a of [...answers, ...more]) {
      const nonce = /'nonce-([^']+)'/.exec(a.out.headers['content-security-policy']!)![1]!;
      nonces.add(nonce);
      expect(a.out.body!.toString()).toContain(`nonce="${nonce}"`);
      expect(a.out.body!.toString()).not.toContain(placeholder);
      expect(a.out.headers['content-security-policy']).not.toContain(placeholder);
      expect(Number(a.out.headers['content-length'])).toBe(a.out.body!.length);
    }
    expect(nonces.size).toBe(25);
    expect(more.every((a) => a.out.headers['x-cache'] === 'hit')).toBe(true);
  });

  it('renders again once the public data version has moved, and never serves the old bytes after', async () => {
    let text = 'before';
    const { cache, bump, renders } = setUp(async () => ok(text));
    await cache.serve(answer().req, answer().res, '/en/persons/x');
    text = 'after';
    bump();
    const a = answer();
    await cache.serve(a.req, a.res, '/en/persons/x');
    expect(a.out.body!.toString()).toContain('after');
    expect(renders()).toBe(2);
  });

  it('gzips for readers who accept it from the first response, with the nonce inside', async () => {
    const { cache } = setUp(async () => ok('zipped'));
    const a = answer({ headers: { 'accept-encoding': 'gzip, deflate' } });
    await cache.serve(a.req, a.res, '/en');
    expect(a.out.headers['content-encoding']).toBe('gzip');
    const nonce = /'nonce-([^']+)'/.exec(a.out.headers['content-security-policy']!)![1]!;
    expect(gunzipSync(a.out.body!).toString()).toBe(page('zipped').replace(placeholder, nonce));
  });

  it('compresses a document mostly asked for once (a search) only when it is asked for again', async () => {
    const { cache } = setUp(async () => ok('searched'), (key) => key.includes('?q='));
    const asked = { headers: { 'accept-encoding': 'gzip' } };
    const responses = [answer(asked), answer(asked)];
    for (const r of responses) await cache.serve(r.req, r.res, '/en/search?q=x');
    expect(responses.map((r) => r.out.headers['content-encoding'])).toEqual([undefined, undefined]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = answer(asked);
    await cache.serve(third.req, third.res, '/en/search?q=x');
    expect(third.out.headers['content-encoding']).toBe('gzip');
    const nonce = /'nonce-([^']+)'/.exec(third.out.headers['content-security-policy']!)![1]!;
    expect(gunzipSync(third.out.body!).toString()).toBe(page('searched').replace(placeholder, nonce));
  });

  it('keeps no response that sets a cookie or fails, and gives it to its reader once', async () => {
    const { cache, renders } = setUp(async () => ok('mine', [['Set-Cookie', 'a=b']]));
    const a = answer();
    expect(await cache.serve(a.req, a.res, '/en')).toBe(true);
    expect(a.out.headers['x-cache']).toBe('bypass');
    expect(a.out.body!.toString()).not.toContain(placeholder);
    await cache.serve(answer().req, answer().res, '/en');
    expect(renders()).toBe(2);
  });

  it('leaves documents too big to keep to Next, without rendering them again for this version', async () => {
    const { cache, renders } = setUp(async () => 'too-big');
    expect(await cache.serve(answer().req, answer().res, '/api/v1/testimonies.json')).toBe(false);
    expect(await cache.serve(answer().req, answer().res, '/api/v1/testimonies.json')).toBe(false);
    expect(renders()).toBe(1);
  });

  it('begins a miss before the version is known, keys it by the version its own work read, and keeps it', async () => {
    let versionReads = 0;
    let begins = 0;
    let renders = 0;
    const cache = createPublicCache({
      maxBytes: 1024 * 1024,
      placeholder,
      version: async () => (versionReads++, 5),
      render: async () => (renders++, ok('rendered')),
      begin: (key) =>
        key.includes('?q=')
          ? (begins++, { version: Promise.resolve(9), finish: async (at) => ({ ...ok(`spliced for ${at}`), spliced: true as const }) })
          : null,
    });
    const first = answer();
    await cache.serve(first.req, first.res, '/en/search?q=x');
    expect(first.out.headers['x-cache']).toBe('spliced');
    expect(first.out.body!.toString()).toContain('spliced for 9');
    expect(first.out.body!.toString()).not.toContain(placeholder);
    expect(versionReads).toBe(0);
    // Kept for that version: asked again, a hit; neither begun nor rendered again.
    const again = answer();
    await cache.serve(again.req, again.res, '/en/search?q=x');
    expect(again.out.headers['x-cache']).toBe('hit');
    expect(begins).toBe(1);
    expect(renders).toBe(0);
    expect(versionReads).toBe(1); // a hit reads the version, as always
    // What `begin` does not take is rendered, after the version read.
    await cache.serve(answer().req, answer().res, '/en');
    expect([begins, renders, versionReads]).toEqual([1, 1, 2]);
  });

  it('renders a begun miss that was not answered after all, for the version it read then', async () => {
    let rendered = 0;
    const cache = createPublicCache({
      maxBytes: 1024 * 1024,
      placeholder,
      version: async () => 5,
      render: async () => (rendered++, ok('rendered')),
      begin: () => ({ version: Promise.resolve(null), finish: async () => null }),
    });
    const a = answer();
    await cache.serve(a.req, a.res, '/en/search?q=x');
    expect(a.out.headers['x-cache']).toBe('miss');
    expect(rendered).toBe(1);
  });

  it('answers nothing when the version cannot be read (Next shows the outage page)', async () => {
    const cache = createPublicCache({ maxBytes: 1024, placeholder, version: async () => Promise.reject(new Error('down')), render: async () => ok('x') });
    expect(await cache.serve(answer().req, answer().res, '/en')).toBe(false);
  });
});

describe('accepted encodings', () => {
  it('reads q=0 as a refusal', () => {
    expect([...acceptedEncodings('gzip;q=0, br')]).toEqual(['br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
