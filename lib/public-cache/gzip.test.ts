import { gunzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressSegments, copyBlock, joinGzip } from './gzip.mjs';

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

describe('copies of the nonce', () => {
  it('a copy block inflates to the bytes it points back at, for every length and distance class', () => {
    const history = Buffer.from(Array.from({ length: 40000 }, (_, i) => (i * 7 + (i >> 8)) % 251));
    const head = zlibRawStored(history);
    for (const length of [3, 10, 11, 24, 32, 130, 257, 258]) {
      for (const distance of [1, 4, 5, 24, 100, 1000, 5000, 24577, 32768]) {
        const body = Buffer.concat([head, copyBlock(length, distance), Buffer.from([0x03, 0x00])]);
        const copied = Buffer.alloc(length);
        const out = Buffer.concat([history, copied]);
        for (let i = 0; i < length; i++) out[history.length + i] = out[history.length + i - distance]!;
        // (Buffer.equals: a deep comparison of 40 KB per case is slow)
        expect(inflateRawSync(body).equals(out), `length ${length}, distance ${distance}`).toBe(true);
      }
    }
  });

  it('makes a page with twenty nonces smaller than twenty stored nonces would', () => {
    const page = Buffer.from(Array.from({ length: 21 }, (_, i) => `<script nonce="PLACEHOLDER">push(${i})</script>`).join(''));
    const segments = page.toString().split('PLACEHOLDER').map((s) => Buffer.from(s));
    const filler = nonce('fresh-nonce');
    const compressed = compressSegments(segments, 24);
    const joined = Buffer.concat(joinGzip(segments, compressed, filler));
    expect(gunzipSync(joined)).toEqual(join(segments, filler));
    // Every nonce stored whole: header, segments, 21 stored blocks of 5 + 24 bytes, final block, trailer.
    const allStored = 10 + compressed.reduce((n, c) => n + c.length, 0) + 21 * 29 + 5 + 8;
    // The first is stored, the other 20 are copies of at most 9 bytes.
    expect(joined.length).toBeLessThanOrEqual(allStored - 20 * (29 - 9));
  });

  it('stores the nonce again when the one before is out of the window', () => {
    const far = Buffer.alloc(40_000, 'a');
    const segments = [Buffer.from('<a>'), far, Buffer.from('<b>'), Buffer.from('<c>')];
    const filler = nonce('far');
    expect(gunzipSync(Buffer.concat(joinGzip(segments, compressSegments(segments, 24), filler)))).toEqual(join(segments, filler));
  });
});

/** `bytes` as non-final stored deflate blocks (at most 65,535 bytes each). */
function zlibRawStored(bytes: Buffer): Buffer {
  const blocks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65535) {
    const part = bytes.subarray(at, at + 65535);
    const header = Buffer.from([0x00, part.length & 0xff, part.length >> 8, ~part.length & 0xff, (~part.length >> 8) & 0xff]);
    blocks.push(header, part);
  }
  return Buffer.concat(blocks);
}
