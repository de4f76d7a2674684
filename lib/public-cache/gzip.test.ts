import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressSegments, joinGzip } from './gzip.mjs';

const nonce = (s: string) => Buffer.from(s.padEnd(24, 'x').slice(0, 24));
const join = (segments: Buffer[], filler: Buffer) => Buffer.concat(segments.flatMap((s, i) => (i ? [filler, s] : [s])));

describe('a gzip body with a fresh nonce per response', () => {
  const page = Buffer.from(
    Array.from({ length: 40 }, (_, i) => `<script nonce="PLACEHOLDER">self.__next_f.push([1,"chunk ${i} روایت ${'abc'.repeat(i)}"])</script>`).join(''),
  );
  const segments = page.toString().split('PLACEHOLDER').map((s) => Buffer.from(s));

  it('inflates to the page with this response nonce everywhere, for any nonce', () => {
    const compressed = compressSegments(segments, 24);
    for (const n of [nonce('AAAA'), nonce('a+b/c='), nonce('\u00ff')]) {
      // '\u00ff' is two UTF-8 bytes here: a nonce is base64, never 0xFF, but must still come out whole.
      const filler = n.subarray(0, 24);
      expect(gunzipSync(Buffer.concat(joinGzip(segments, compressed, filler)))).toEqual(join(segments, filler));
    }
  });

  it('keeps back references across nonces, so the page compresses nearly as a whole', () => {
    const joined = Buffer.concat(joinGzip(segments, compressSegments(segments, 24), nonce('n')));
    const independent = Buffer.concat(segments.map((s) => compressSegments([s], 24)[0]!));
    expect(joined.length).toBeLessThan(independent.length * 0.6);
  });

  it('compresses bytes that are not UTF-8 without dictionaries, and still right', () => {
    const binary = [Buffer.from([1, 0xff, 2, 0xff]), Buffer.from([0xff, 0xff, 3])];
    const filler = Buffer.alloc(24, 0xff);
    expect(gunzipSync(Buffer.concat(joinGzip(binary, compressSegments(binary, 24), filler)))).toEqual(join(binary, filler));
  });

  it('handles a body with no placeholder, and one that starts or ends with it', () => {
    for (const parts of [[page], [Buffer.alloc(0), page, Buffer.alloc(0)]]) {
      const filler = nonce('edge');
      expect(gunzipSync(Buffer.concat(joinGzip(parts, compressSegments(parts, 24), filler)))).toEqual(join(parts, filler));
    }
  });
});
