// Ed25519 keys and signatures in minisign's formats (https://jedisct1.github.io/minisign/), so the
// standard `minisign -Vm FILE -P KEY` verifies what `npm run mirror:sign` signs. Node's crypto has
// Ed25519, BLAKE2b-512 (the prehash of the `ED` signature) and scrypt (the secret key's
// passphrase); @noble/hashes gives BLAKE2b-256 (the secret key's checksum), which OpenSSL lacks.
// The secret key only ever exists in the admin's file, encrypted with their passphrase.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';

const untrusted = 'untrusted comment: ';
const trusted = 'trusted comment: ';

/** minisign's defaults (libsodium's "sensitive" scrypt limits: N = 2^20, r = 8, p = 1, 1 GiB). */
export const defaultKdf = { opslimit: 1n << 25n, memlimit: 1n << 30n };

export type PublicKey = { keyId: Buffer; key: Buffer };
export type SecretKey = PublicKey & { secret: Buffer /* 64 bytes: seed ‖ public key */ };

const hex = (id: Buffer) => Buffer.from(id).reverse().toString('hex').toUpperCase();

/** libsodium's crypto_pwhash_scryptsalsa208sha256 parameter choice (pickparams). */
export function scryptParams(opslimit: bigint, memlimit: bigint): { N: number; r: number; p: number } {
  const ops = opslimit < 32768n ? 32768n : opslimit;
  const r = 8n;
  const log2 = (maxN: bigint) => {
    let n = 1n;
    while (n < 63n && 1n << n <= maxN / 2n) n++;
    return n;
  };
  if (ops < memlimit / 32n) return { N: Number(1n << log2(ops / (r * 4n))), r: 8, p: 1 };
  const nLog2 = log2(memlimit / (r * 128n));
  let maxrp = ops / 4n / (1n << nLog2);
  if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
  return { N: Number(1n << nLog2), r: 8, p: Number(maxrp / r) };
}

function kdfStream(passphrase: string, salt: Buffer, opslimit: bigint, memlimit: bigint): Buffer {
  const { N, r, p } = scryptParams(opslimit, memlimit);
  return scryptSync(passphrase, salt, 104, { N, r, p, maxmem: 128 * N * r * p + 64 * 1024 * 1024 });
}

const checksum = (keyId: Buffer, secret: Buffer) => Buffer.from(blake2b(Buffer.concat([Buffer.from('Ed'), keyId, secret]), { dkLen: 32 }));

export function generateKeys(): SecretKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d!, 'base64url');
  const key = Buffer.from(jwk.x!, 'base64url');
  return { keyId: randomBytes(8), key, secret: Buffer.concat([seed, key]) };
}

export function formatPublicKey(pk: PublicKey): string {
  return `${untrusted}minisign public key ${hex(pk.keyId)}\n${Buffer.concat([Buffer.from('Ed'), pk.keyId, pk.key]).toString('base64')}\n`;
}

export function parsePublicKey(text: string): PublicKey {
  const line = text.trim().split('\n').filter((l) => !l.startsWith(untrusted)).at(-1) ?? '';
  const raw = Buffer.from(line.trim(), 'base64');
  if (raw.length !== 42 || raw.subarray(0, 2).toString() !== 'Ed') throw new Error('not a minisign public key');
  return { keyId: raw.subarray(2, 10), key: raw.subarray(10) };
}

/** The secret key file, encrypted with the passphrase as minisign does (scrypt stream XOR). */
export function formatSecretKey(sk: SecretKey, passphrase: string, kdf = defaultKdf): string {
  const salt = randomBytes(32);
  const plain = Buffer.concat([sk.keyId, sk.secret, checksum(sk.keyId, sk.secret)]);
  const stream = kdfStream(passphrase, salt, kdf.opslimit, kdf.memlimit);
  const sealed = Buffer.from(plain.map((b, i) => b ^ stream[i]!));
  const limits = Buffer.alloc(16);
  limits.writeBigUInt64LE(kdf.opslimit, 0);
  limits.writeBigUInt64LE(kdf.memlimit, 8);
  const raw = Buffer.concat([Buffer.from('EdScB2'), salt, limits, sealed]);
  return `${untrusted}minisign encrypted secret key\n${raw.toString('base64')}\n`;
}

export function parseSecretKey(text: string, passphrase: string): SecretKey {
  const line = text.trim().split('\n').filter((l) => !l.startsWith(untrusted)).at(-1) ?? '';
  const raw = Buffer.from(line.trim(), 'base64');
  if (raw.length !== 158 || raw.subarray(0, 6).toString() !== 'EdScB2') throw new Error('not an encrypted minisign secret key');
  const salt = raw.subarray(6, 38);
  const stream = kdfStream(passphrase, salt, raw.readBigUInt64LE(38), raw.readBigUInt64LE(46));
  const plain = Buffer.from(raw.subarray(54).map((b, i) => b ^ stream[i]!));
  const keyId = plain.subarray(0, 8);
  const secret = plain.subarray(8, 72);
  if (!timingSafeEqual(plain.subarray(72), checksum(keyId, secret))) throw new Error('wrong passphrase');
  return { keyId, secret, key: secret.subarray(32) };
}

const privateKeyOf = (sk: SecretKey): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: sk.secret.subarray(0, 32).toString('base64url'), x: sk.key.toString('base64url') }, format: 'jwk' });
const publicKeyOf = (pk: PublicKey): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pk.key.toString('base64url') }, format: 'jwk' });

/** A prehashed (`ED`) minisign signature of the bytes, with a trusted comment. */
export function signBytes(sk: SecretKey, data: Buffer, comment: string): string {
  if (/[\r\n]/.test(comment)) throw new Error('a trusted comment is one line');
  const digest = createHash('blake2b512').update(data).digest();
  const signature = sign(null, digest, privateKeyOf(sk));
  const global = sign(null, Buffer.concat([signature, Buffer.from(comment)]), privateKeyOf(sk));
  return [
    `${untrusted}signature from minisign secret key`,
    Buffer.concat([Buffer.from('ED'), sk.keyId, signature]).toString('base64'),
    `${trusted}${comment}`,
    global.toString('base64'),
    '',
  ].join('\n');
}

/** Checks a minisign signature (prehashed or legacy) and its trusted comment; returns the comment. */
export function verifyBytes(pk: PublicKey, data: Buffer, signatureText: string): string {
  const lines = signatureText.split('\n');
  const raw = Buffer.from(lines[1] ?? '', 'base64');
  const comment = (lines[2] ?? '').startsWith(trusted) ? lines[2]!.slice(trusted.length) : null;
  const global = Buffer.from(lines[3] ?? '', 'base64');
  if (raw.length !== 74 || comment === null || global.length !== 64) throw new Error('malformed signature');
  const algorithm = raw.subarray(0, 2).toString();
  if (algorithm !== 'ED' && algorithm !== 'Ed') throw new Error('unknown signature algorithm');
  if (!raw.subarray(2, 10).equals(pk.keyId)) throw new Error('signed with a different key');
  const signature = raw.subarray(10);
  const message = algorithm === 'ED' ? createHash('blake2b512').update(data).digest() : data;
  const key = publicKeyOf(pk);
  if (!verify(null, message, key, signature)) throw new Error('signature does not match the file');
  if (!verify(null, Buffer.concat([signature, Buffer.from(comment)]), key, global)) throw new Error('trusted comment was altered');
  return comment;
}
