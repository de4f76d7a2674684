// Sealing of secrets at rest (TOTP secrets, optional contact e-mails): AES-256-GCM with a key
// derived from AUTH_SECRET by HKDF. No `server-only`: the seed script (plain Node) seals too.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';
import { env } from '../env.mjs';

const version = 'v1';

/** The associated-data labels in use; one per column that holds sealed values. */
export const sealPurposes = {
  totpSecret: 'users.totp_secret',
  email: 'users.email',
  mediaOriginal: 'attachments.original',
} as const;
// Only for development and demo instances without AUTH_SECRET; production refuses to run without one.
export const developmentSecret = 'yadman development secret - not for production use';

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'yadman', 'secret-box v1', 32));
}

export function defaultSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === 'production') throw new Error('AUTH_SECRET is required to seal secrets');
  return developmentSecret;
}

/**
 * Encrypts `plaintext`. `purpose` (e.g. "users.totp_secret") is bound as associated data, so a
 * value copied into another column does not decrypt there.
 */
export function seal(plaintext: string, purpose: string, secret = defaultSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [version, ...parts].join('.');
}

/** Decrypts a value from `seal`; throws if it was altered, sealed for another purpose or key. */
export function open(sealed: string, purpose: string, secret = defaultSecret()): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== version || !iv || !tag || body === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

// Files (uploaded originals) are sealed as a stream, so a large video is never held whole in
// memory while it is written: "YSB1" | 12-byte IV | ciphertext | 16-byte GCM tag.
const streamMagic = Buffer.from('YSB1');
const tagLength = 16;

/** A transform that seals the bytes piped through it (same key and AAD rules as `seal`). */
export function createSealStream(purpose: string, secret = defaultSecret()): Transform {
  return sealStreamWithKey(keyFor(secret), purpose);
}

/** `createSealStream` with a raw 256-bit key (a record's data key, lib/crypto/envelope.ts). */
export function sealStreamWithKey(key: Buffer, purpose: string): Transform {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose));
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const head = started ? [] : [streamMagic, iv];
      started = true;
      done(null, Buffer.concat([...head, cipher.update(chunk)]));
    },
    flush(done) {
      const head = started ? [] : [streamMagic, iv];
      done(null, Buffer.concat([...head, cipher.final(), cipher.getAuthTag()]));
    },
  });
}

/** Opens bytes sealed by `createSealStream`; throws if altered or sealed for another purpose or key. */
export function openSealedBuffer(sealed: Buffer, purpose: string, secret = defaultSecret()): Buffer {
  return openBufferWithKey(keyFor(secret), sealed, purpose);
}

/** `openSealedBuffer` with a raw 256-bit key. */
export function openBufferWithKey(key: Buffer, sealed: Buffer, purpose: string): Buffer {
  const headLength = streamMagic.length + 12;
  if (sealed.length < headLength + tagLength || !sealed.subarray(0, streamMagic.length).equals(streamMagic)) {
    throw new Error('not a sealed file');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(streamMagic.length, headLength));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
  return Buffer.concat([decipher.update(sealed.subarray(headLength, sealed.length - tagLength)), decipher.final()]);
}

/**
 * A transform that opens bytes sealed by `createSealStream` without holding them whole. Its output
 * is unauthenticated until the stream ends: the tag is checked at the end and a mismatch fails the
 * stream, so write it to a private temporary file and use that only once the pipeline succeeded.
 */
export function createOpenStream(purpose: string, secret = defaultSecret()): Transform {
  return openStreamWithKey(keyFor(secret), purpose);
}

/** `createOpenStream` with a raw 256-bit key. */
export function openStreamWithKey(key: Buffer, purpose: string): Transform {
  const headLength = streamMagic.length + 12;
  let head = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let tail = Buffer.alloc(0); // the last bytes seen may be the tag: held back until more arrive
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let data = chunk;
      if (!decipher) {
        head = Buffer.concat([head, data]);
        if (head.length < headLength) return done();
        if (!head.subarray(0, streamMagic.length).equals(streamMagic)) return done(new Error('not a sealed file'));
        decipher = createDecipheriv('aes-256-gcm', key, head.subarray(streamMagic.length, headLength));
        decipher.setAAD(Buffer.from(purpose));
        data = head.subarray(headLength);
      }
      const buffered = Buffer.concat([tail, data]);
      tail = buffered.subarray(Math.max(0, buffered.length - tagLength));
      done(null, decipher.update(buffered.subarray(0, buffered.length - tail.length)));
    },
    flush(done) {
      if (!decipher || tail.length < tagLength) return done(new Error('not a sealed file'));
      try {
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
