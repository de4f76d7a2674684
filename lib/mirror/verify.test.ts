import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatManifest, hashFile, listFiles, manifestFile, publicKeyFile, signatureFile } from './manifest';
import { formatPublicKey, formatSecretKey, generateKeys, parsePublicKey, parseSecretKey } from './minisign';
import { isIntact, signExport, verifyExport } from './verify';

const hasMinisign = spawnSync('minisign', ['-v']).status === 0;
const sk = generateKeys();
let dir: string;

async function exportOf(files: Record<string, string>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-verify-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const entries = new Map(await Promise.all((await listFiles(dir)).map(async (f) => [f, await hashFile(path.join(dir, f))] as const)));
  fs.writeFileSync(path.join(dir, manifestFile), formatManifest({ meta: { 'made-at': '2026-12-07T00:00:00.000Z' }, files: entries }));
  await signExport(dir, sk);
}

describe('a signed export', () => {
  beforeEach(async () => {
    await exportOf({ 'index.html': '<p>یادمان</p>', 'fa/p/ab/x.html': 'narrative', 'assets/site.css': 'body{}' });
  });

  it('verifies with the public key, and with the minisign tool', async () => {
    expect(isIntact(await verifyExport(dir, sk))).toBe(true);
    const pub = fs.readFileSync(path.join(dir, publicKeyFile), 'utf8');
    expect(parsePublicKey(pub).key.equals(sk.key)).toBe(true);
    if (!hasMinisign) return;
    const run = spawnSync('minisign', ['-Vm', path.join(dir, manifestFile), '-P', pub.split('\n')[1]!]);
    expect(run.stdout.toString()).toContain('Signature and comment signature verified');
  });

  it('names an altered, a deleted and an added file', async () => {
    const page = path.join(dir, 'fa/p/ab/x.html');
    fs.writeFileSync(page, 'narrativE');
    fs.rmSync(path.join(dir, 'assets/site.css'));
    fs.writeFileSync(path.join(dir, 'fa/extra.html'), 'planted');
    const result = await verifyExport(dir, sk);
    expect(result.signature.ok).toBe(true);
    expect(result.problems).toEqual({ altered: ['fa/p/ab/x.html'], missing: ['assets/site.css'], extra: ['fa/extra.html'] });
    expect(isIntact(result)).toBe(false);
  });

  it('fails on a changed manifest or another key', async () => {
    fs.appendFileSync(path.join(dir, manifestFile), '\n');
    expect((await verifyExport(dir, sk)).signature.ok).toBe(false);
    expect((await verifyExport(dir, generateKeys())).signature).toMatchObject({ ok: false });
    fs.rmSync(path.join(dir, signatureFile));
    expect((await verifyExport(dir, sk)).signature).toEqual({ ok: false, error: `${signatureFile} is missing` });
  });
});

describe('the secret key file', () => {
  const kdf = { opslimit: 1n << 16n, memlimit: 1n << 22n };

  it('opens only with its passphrase', () => {
    const file = formatSecretKey(sk, 'three words here', kdf);
    expect(parseSecretKey(file, 'three words here').secret.equals(sk.secret)).toBe(true);
    expect(() => parseSecretKey(file, 'three words there')).toThrow('wrong passphrase');
    expect(file).not.toContain(sk.secret.toString('base64'));
  });

  it.skipIf(!hasMinisign)('is one the minisign tool signs with', () => {
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-key-'));
    fs.writeFileSync(path.join(keyDir, 'k.key'), formatSecretKey(sk, 'pass phrase', kdf));
    fs.writeFileSync(path.join(keyDir, 'k.pub'), formatPublicKey(sk));
    fs.writeFileSync(path.join(keyDir, 'f'), 'data');
    expect(spawnSync('minisign', ['-S', '-s', path.join(keyDir, 'k.key'), '-m', path.join(keyDir, 'f')], { input: 'pass phrase\n' }).status).toBe(0);
    expect(spawnSync('minisign', ['-Vm', path.join(keyDir, 'f'), '-p', path.join(keyDir, 'k.pub')]).status).toBe(0);
  });
});
