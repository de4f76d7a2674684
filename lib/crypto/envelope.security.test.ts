import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { recordFigure } from '@/lib/testing/security-figures';
import {
  createDataKey,
  createFileOpenStream,
  createFileSealStream,
  decryptField,
  encryptField,
  openFileBuffer,
  unwrapDataKey,
} from './envelope';

const master = 'm'.repeat(40);
const canary = 'CANARY-envelope-7f3a متن روایت';

function tamper(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

async function sealFile(key: ReturnType<typeof createDataKey>['key'], data: Buffer, purpose: string) {
  const chunks: Buffer[] = [];
  const sink = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
  await pipeline([data], createFileSealStream(key, purpose), sink);
  return Buffer.concat(chunks);
}

describe('envelope encryption (one data key per record)', () => {
  it('round-trips a field and a file; the stored forms hold no plaintext', async () => {
    const { key, wrapped } = createDataKey('testimony', master);
    const sealed = encryptField(key, canary, 'testimony_revisions.narrative');
    expect(sealed).not.toContain('CANARY');
    expect(wrapped).not.toContain(key.bytes.toString('base64url'));
    expect(decryptField(unwrapDataKey(wrapped, 'testimony', master), sealed, 'testimony_revisions.narrative')).toBe(canary);
    const file = await sealFile(key, Buffer.from(canary), 'attachments.original');
    expect(file.includes(Buffer.from('CANARY'))).toBe(false);
    expect(openFileBuffer(key, file, 'attachments.original').toString()).toBe(canary);
    const opened: Buffer[] = [];
    await pipeline([file], createFileOpenStream(key, 'attachments.original'), new PassThrough().on('data', (c: Buffer) => opened.push(c)));
    expect(Buffer.concat(opened).toString()).toBe(canary);
  });

  it('gives every record its own key and every value a fresh nonce', () => {
    const a = createDataKey('testimony', master);
    const b = createDataKey('testimony', master);
    expect(a.key.bytes.equals(b.key.bytes)).toBe(false);
    expect(encryptField(a.key, 'x', 'p')).not.toBe(encryptField(a.key, 'x', 'p'));
  });

  it('refuses tampering, another purpose, another record key, another kind and another master key', async () => {
    const { key, wrapped } = createDataKey('user', master);
    const other = createDataKey('user', master).key;
    const sealed = encryptField(key, canary, 'users.email');
    const refusals = [
      () => decryptField(key, tamper(sealed, 3), 'users.email'), // ciphertext
      () => decryptField(key, tamper(sealed, 2), 'users.email'), // tag
      () => decryptField(key, tamper(sealed, 1), 'users.email'), // nonce
      () => decryptField(key, sealed, 'testimonies.draft'), // copied into another field
      () => decryptField(other, sealed, 'users.email'), // copied into another record
      () => unwrapDataKey(tamper(wrapped, 3), 'user', master),
      () => unwrapDataKey(wrapped, 'testimony', master),
      () => unwrapDataKey(wrapped, 'user', 'n'.repeat(40)),
      () => openFileBuffer(key, Buffer.from('YSB1not really sealed at all, just text'), 'attachments.original'),
    ];
    const file = await sealFile(key, Buffer.from(canary), 'attachments.original');
    file[file.length - 20] = file[file.length - 20]! ^ 1;
    refusals.push(() => openFileBuffer(key, file, 'attachments.original'));
    const accepted = refusals.filter((attempt) => {
      try {
        attempt();
        return true;
      } catch {
        return false;
      }
    }).length;
    recordFigure({ figure: 'altered or misplaced ciphertexts or keys accepted', measured: accepted, target: '0', ok: accepted === 0 });
    expect(accepted).toBe(0);
  });

  it('without its wrapped key a record is unrecoverable, even with the master key', () => {
    const narrative = encryptField(createDataKey('testimony', master).key, canary, 'testimony_revisions.narrative');
    // The wrapped key is gone (what the purge deletes): nothing derivable from the master key opens it.
    const attempts = [createDataKey('testimony', master).key, unwrapDataKey(createDataKey('testimony', master).wrapped, 'testimony', master)];
    const recovered = attempts.filter((k) => {
      try {
        return decryptField(k, narrative, 'testimony_revisions.narrative') === canary;
      } catch {
        return false;
      }
    }).length;
    expect(recovered).toBe(0);
  });
});
