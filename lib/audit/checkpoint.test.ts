// The checkpoint's signed statement and key handling, without a database.
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env.mjs';
import { checkpointSignatureValid, checkpointStatement, keyIdOf, publicKeyBase64, signingKey } from './checkpoint';

const seed = Buffer.alloc(32, 3).toString('base64');

describe('audit checkpoints', () => {
  it('signs a statement any tool can rebuild, line by line', () => {
    const key = signingKey(seed);
    const publicKey = publicKeyBase64(key);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    const fields = { entries: 12, headId: 40, headHash: 'a'.repeat(64), createdAt: '2026-12-07T10:00:00.000Z', keyId: keyIdOf(publicKey) };
    expect(checkpointStatement(fields).toString()).toBe(`yadman audit checkpoint v1\nentries 12\nhead-id 40\nhead-hash ${'a'.repeat(64)}\ntime 2026-12-07T10:00:00.000Z\nkey ${fields.keyId}\n`);
    const signature = sign(null, checkpointStatement(fields), key).toString('base64');
    const checkpoint = { ...fields, id: 1, reason: 'daily', signature };
    expect(checkpointSignatureValid(checkpoint, publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...checkpoint, headId: 41 }, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: 'not base64 at all' }, publicKey)).toBe(false);
  });

  it('the same seed gives the same key; the derived key is another one', () => {
    expect(publicKeyBase64(signingKey(seed))).toBe(publicKeyBase64(signingKey(seed)));
    expect(publicKeyBase64(signingKey(undefined))).not.toBe(publicKeyBase64(signingKey(seed)));
  });

  it('AUDIT_SIGNING_KEY must be 32 bytes in base64', () => {
    expect(parseEnv({ AUDIT_SIGNING_KEY: seed }).AUDIT_SIGNING_KEY).toBe(seed);
    expect(() => parseEnv({ AUDIT_SIGNING_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/AUDIT_SIGNING_KEY/);
  });
});
