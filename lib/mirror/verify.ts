// Signing and checking an export: the manifest (lib/mirror/manifest.ts) signed in minisign's format
// (lib/mirror/minisign.ts), and every file checked against it. Pure Node: no server-only.
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkFiles, manifestFile, parseManifest, publicKeyFile, signatureFile, type FileProblems } from './manifest';
import { formatPublicKey, signBytes, verifyBytes, type PublicKey, type SecretKey } from './minisign';

/** Signs DIR/MANIFEST.txt and puts the public key beside it. */
export async function signExport(dir: string, sk: SecretKey, now = new Date()): Promise<void> {
  const manifest = await fs.readFile(path.join(dir, manifestFile));
  const meta = parseManifest(manifest.toString('utf8')).meta;
  const comment = `timestamp:${Math.floor(now.getTime() / 1000)}\tfile:${manifestFile}\thashed\tmade-at:${meta['made-at'] ?? ''}`;
  await fs.writeFile(path.join(dir, signatureFile), signBytes(sk, manifest, comment));
  await fs.writeFile(path.join(dir, publicKeyFile), formatPublicKey(sk));
}

export type VerifyResult = { signature: { ok: true; comment: string } | { ok: false; error: string }; problems: FileProblems };

export async function verifyExport(dir: string, pk: PublicKey): Promise<VerifyResult> {
  const manifest = await fs.readFile(path.join(dir, manifestFile)).catch(() => null);
  if (!manifest) return { signature: { ok: false, error: `${manifestFile} is missing` }, problems: { missing: [manifestFile], extra: [], altered: [] } };
  let signature: VerifyResult['signature'];
  try {
    const text = await fs.readFile(path.join(dir, signatureFile), 'utf8');
    signature = { ok: true, comment: verifyBytes(pk, manifest, text) };
  } catch (error) {
    signature = { ok: false, error: error instanceof Error && !('code' in error) ? error.message : `${signatureFile} is missing` };
  }
  return { signature, problems: await checkFiles(dir, parseManifest(manifest.toString('utf8'))) };
}

export function isIntact(result: VerifyResult): boolean {
  const p = result.problems;
  return result.signature.ok && p.missing.length + p.extra.length + p.altered.length === 0;
}
