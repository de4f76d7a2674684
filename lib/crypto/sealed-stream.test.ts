import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collect } from '@/lib/media/storage';
import { createOpenStream, createSealStream, openSealedBuffer } from './secret-box';

const secret = 'a test secret that is long enough for the key derivation';

describe('sealed files (streaming AES-256-GCM)', () => {
  it('round-trips bytes of any size, and the stored bytes differ from the original', async () => {
    for (const size of [0, 1, 100_000]) {
      const plain = randomBytes(size);
      const sealed = await collect(Readable.from([plain.subarray(0, 7), plain.subarray(7)]).pipe(createSealStream('p', secret)));
      // A byte or two of plaintext turns up in random ciphertext by chance (1 in 6 for one byte):
      // only a run long enough to mean something is looked for.
      expect(size >= 16 && sealed.includes(plain)).toBe(false);
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

describe('opening sealed files as a stream', () => {
  const openAll = (sealed: Buffer, chunk: number, purpose = 'p', key = secret) => {
    const parts: Buffer[] = [];
    for (let i = 0; i < sealed.length; i += chunk) parts.push(sealed.subarray(i, i + chunk));
    return collect(Readable.from(parts).pipe(createOpenStream(purpose, key)));
  };

  it('gives back the original bytes whatever the chunking', async () => {
    for (const size of [0, 1, 100_000]) {
      const plain = randomBytes(size);
      const sealed = await collect(Readable.from([plain]).pipe(createSealStream('p', secret)));
      for (const chunk of [1, 7, 16, 65_536]) expect((await openAll(sealed, chunk)).equals(plain)).toBe(true);
    }
  });

  it('fails at the end on altered bytes, another purpose or key, or a truncated file', async () => {
    const sealed = await collect(Readable.from([Buffer.from('original photo bytes')]).pipe(createSealStream('p', secret)));
    const altered = Buffer.from(sealed);
    altered[20]! ^= 1;
    await expect(openAll(altered, 5)).rejects.toThrow();
    await expect(openAll(sealed, 5, 'other')).rejects.toThrow();
    await expect(openAll(sealed, 5, 'p', `${secret}!`)).rejects.toThrow();
    await expect(openAll(sealed.subarray(0, sealed.length - 1), 5)).rejects.toThrow();
    await expect(openAll(Buffer.from('plain bytes, never sealed'), 5)).rejects.toThrow();
  });
});
