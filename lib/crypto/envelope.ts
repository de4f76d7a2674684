// Envelope encryption of personal records (issue 7, data at rest). Each record (a testimony, a
// user's contact details, a kept original file) has its own random 256-bit data key, stored next
// to the record wrapped (AES-256-GCM) by a master key derived from AUTH_SECRET by HKDF. Deleting
// the wrapped key is deleting the record: its ciphertext, wherever a copy survives (a file left in
// a bucket, an old page of the database), can no longer be opened ("crypto-shredding").
// No `server-only`: the seed script (plain Node) encrypts too.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Transform } from 'node:stream';
import { env } from '../env.mjs';
import { developmentSecret, openBufferWithKey, openStreamWithKey, sealStreamWithKey } from './secret-box';

/** What a data key protects; bound into its wrapping so a key moved to another kind of record fails. */
export type DataKeyKind = 'testimony' | 'user' | 'attachment' | 'message' | 'note';

/** The associated-data labels of encrypted fields; a value copied into another field does not open. */
export const fieldPurposes = {
  narrative: 'testimony_revisions.narrative',
  draft: 'testimonies.draft',
  email: 'users.email',
  original: 'attachments.original',
  message: 'messages.body',
  note: 'notes.body',
  eventPlace: 'testimony_revisions.event_place',
  creditName: 'testimonies.credit_name',
} as const;

const keyVersion = 'k1';
const fieldVersion = 'e1';

declare const brand: unique symbol;
/** An unwrapped data key: only ever in memory, never logged or stored. */
export type DataKey = { readonly bytes: Buffer; readonly [brand]: true };

const masterKeys = new Map<string, Buffer>();

function masterKey(secret?: string): Buffer {
  const e = env();
  const source = secret ?? e.AUTH_SECRET ?? (e.NODE_ENV === 'production' ? undefined : developmentSecret);
  if (!source) throw new Error('AUTH_SECRET is required to encrypt records');
  let key = masterKeys.get(source);
  if (!key) {
    // A different HKDF label from secret-box's, so the two keys are independent.
    key = Buffer.from(hkdfSync('sha256', source, 'yadman', 'data-key wrap v1', 32));
    masterKeys.set(source, key);
  }
  return key;
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string, version: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [version, ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
}

function gcmOpen(key: Buffer, sealed: string, aad: string, version: string): Buffer {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== version || !iv || !tag || body === undefined) throw new Error('not an encrypted value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

const asDataKey = (bytes: Buffer) => ({ bytes }) as DataKey;

/** A fresh random data key for one record, and its wrapped form to store with the record. */
export function createDataKey(kind: DataKeyKind, secret?: string): { key: DataKey; wrapped: string } {
  const bytes = randomBytes(32);
  return { key: asDataKey(bytes), wrapped: gcmSeal(masterKey(secret), bytes, `data_key:${kind}`, keyVersion) };
}

/** Unwraps a stored data key; throws if it was altered, wrapped for another kind or another master key. */
export function unwrapDataKey(wrapped: string, kind: DataKeyKind, secret?: string): DataKey {
  const bytes = gcmOpen(masterKey(secret), wrapped, `data_key:${kind}`, keyVersion);
  if (bytes.length !== 32) throw new Error('not a data key');
  return asDataKey(bytes);
}

/** The same data key wrapped under another master key (rotating AUTH_SECRET: scripts/crypto/rotate-secret.ts). */
export function rewrapDataKey(wrapped: string, kind: DataKeyKind, from: string, to: string): string {
  return gcmSeal(masterKey(to), unwrapDataKey(wrapped, kind, from).bytes, `data_key:${kind}`, keyVersion);
}

/** Encrypts one field of a record with that record's key; `purpose` is bound as associated data. */
export function encryptField(key: DataKey, plaintext: string, purpose: string): string {
  return gcmSeal(key.bytes, Buffer.from(plaintext, 'utf8'), purpose, fieldVersion);
}

/** Decrypts a value from `encryptField`; throws if altered, or encrypted for another purpose or key. */
export function decryptField(key: DataKey, sealed: string, purpose: string): string {
  return gcmOpen(key.bytes, sealed, purpose, fieldVersion).toString('utf8');
}

/** Seals a file as a stream with a record's key (format of `createSealStream` in secret-box). */
export function createFileSealStream(key: DataKey, purpose: string): Transform {
  return sealStreamWithKey(key.bytes, purpose);
}

/** Opens a file sealed by `createFileSealStream`; the tag is checked at the end (see secret-box). */
export function createFileOpenStream(key: DataKey, purpose: string): Transform {
  return openStreamWithKey(key.bytes, purpose);
}

/** Opens a whole file sealed by `createFileSealStream`. */
export function openFileBuffer(key: DataKey, sealed: Buffer, purpose: string): Buffer {
  return openBufferWithKey(key.bytes, sealed, purpose);
}
