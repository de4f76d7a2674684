import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collect } from '@/lib/media/storage';
import { createSealStream, openSealedBuffer } from './secret-box';

const secret = 'a test secret that is long enough for the key derivation';

describe('sealed files (streaming AES-256-GCM)', () => {
  it('round-trips bytes of any size, and the stored bytes differ from the original', async () => {
    for (const size of [0, 1, 100_000]) {
      const plain = randomBytes(size);
      const sealed = await collect(Readable.from([plain.subarray(0, 7), plain.subarray(7)]).pipe(createSealStream('p', secret)));
      expect(sealed.includes(plain) && size > 0).toBe(false);
      expect(openSealedBuffer(sealed, 'p', secret).equals(plain)).toBe(true);
    }
  });

  it('refuses altered bytes, another purpose or another key', async () => {
    const sealed = await collect(Readable.from([Buffer.from('original photo bytes')]).pipe(createSealStream('p', secret)));
    const altered = Buffer.from(sealed);
    altered[20]! ^= 1;
    expect(() => openSealedBuffer(altered, 'p', secret)).toThrow();
    expect(() => openSealedBuffer(sealed, 'other', secret)).toThrow();
    expect(() => openSealedBuffer(sealed, 'p', `${secret}!`)).toThrow();
  });
});
