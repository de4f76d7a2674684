// The manifest of an export: every file with its size and SHA-256, in one plain-text file that the
// minisign tool signs and checks (MANIFEST.txt, MANIFEST.txt.minisig). The lines after the header
// are "sha256  size  path", so `sha256sum -c` can check the files too. Pure Node: no server-only.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileEntry } from './output';

export const manifestFile = 'MANIFEST.txt';
export const signatureFile = `${manifestFile}.minisig`;
export const publicKeyFile = 'mirror.pub';
const header = 'yadman-mirror-manifest 1';

/** Files that check the export (manifest, signature, public key) and so are not listed in it. */
export function isManifestFile(file: string): boolean {
  return file === manifestFile || file === signatureFile || file === publicKeyFile;
}

export type Manifest = { meta: Record<string, string>; files: Map<string, FileEntry> };

export function formatManifest(manifest: Manifest): string {
  const meta = Object.entries(manifest.meta).map(([k, v]) => `${k}: ${v}`);
  const files = [...manifest.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, e]) => `${e.sha256}  ${e.size}  ${file}`);
  return [header, ...meta, '', ...files, ''].join('\n');
}

export function parseManifest(text: string): Manifest {
  const lines = text.split('\n');
  if (lines[0] !== header) throw new Error('not a mirror manifest');
  const meta: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const at = lines[i]!.indexOf(': ');
    meta[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 2);
  }
  const files = new Map<string, FileEntry>();
  for (const line of lines.slice(i + 1)) {
    if (!line) continue;
    const match = /^([0-9a-f]{64}) {2}(\d+) {2}(.+)$/.exec(line);
    if (!match) throw new Error(`malformed manifest line: ${line.slice(0, 80)}`);
    files.set(match[3]!, { sha256: match[1]!, size: Number(match[2]) });
  }
  return { meta, files };
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  const text = await fs.readFile(path.join(dir, manifestFile), 'utf8').catch(() => null);
  return text === null ? null : parseManifest(text);
}

export async function hashFile(file: string): Promise<FileEntry> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

export async function listFiles(dir: string, base = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

export type FileProblems = { missing: string[]; extra: string[]; altered: string[] };

/** Every file against the manifest: each one missing, extra (unlisted) or altered, by name. */
export async function checkFiles(dir: string, manifest: Manifest): Promise<FileProblems> {
  const present = new Set((await listFiles(dir)).filter((f) => !isManifestFile(f)));
  const problems: FileProblems = { missing: [], extra: [], altered: [] };
  for (const [file, expected] of manifest.files) {
    if (!present.has(file)) {
      problems.missing.push(file);
      continue;
    }
    const actual = await hashFile(path.join(dir, file));
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) problems.altered.push(file);
  }
  for (const file of present) if (!manifest.files.has(file)) problems.extra.push(file);
  return problems;
}
