// An independent BagIt (RFC 8493) validator for an unpacked bag: bagit.txt, every payload file in
// manifest-sha256.txt present with its hash, no payload file missing from it, Payload-Oxum, and the
// tag manifest. Written apart from the writer (bag.ts) — it reads the files from disk and shares no
// code with it — so the tests check the bag twice: with this and with the Library of Congress
// `bagit.py --validate` where installed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function walk(dir: string, base: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const match = /^([0-9a-f]{64})\s+(.+)$/.exec(line);
    if (!match) throw new Error(`bad manifest line: ${line}`);
    entries.set(decodeURIComponent(match[2]!.replace(/%(?![0-9A-F]{2})/g, '%25')), match[1]!);
  }
  return entries;
}

export async function validateBag(bagDir: string): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  const declaration = await readFile(path.join(bagDir, 'bagit.txt'), 'utf8').catch(() => '');
  if (!/^BagIt-Version: 1\.0\nTag-File-Character-Encoding: UTF-8\n?$/.test(declaration)) problems.push('bagit.txt missing or not BagIt 1.0 / UTF-8');
  let manifest = new Map<string, string>();
  try {
    manifest = parseManifest(await readFile(path.join(bagDir, 'manifest-sha256.txt'), 'utf8'));
  } catch (error) {
    problems.push(`manifest-sha256.txt: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  const payload = await walk(path.join(bagDir, 'data'), bagDir).catch(() => [] as string[]);
  let bytes = 0;
  for (const file of payload) {
    const expected = manifest.get(file);
    if (!expected) {
      problems.push(`not in the manifest: ${file}`);
      continue;
    }
    bytes += (await stat(path.join(bagDir, file))).size;
    if ((await sha256Of(path.join(bagDir, file))) !== expected) problems.push(`hash differs: ${file}`);
  }
  for (const file of manifest.keys()) if (!payload.includes(file)) problems.push(`missing: ${file}`);
  const info = await readFile(path.join(bagDir, 'bag-info.txt'), 'utf8').catch(() => '');
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  if (oxum && (Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.length)) problems.push(`Payload-Oxum ${oxum[1]}.${oxum[2]} but the payload is ${bytes}.${payload.length}`);
  const tags = await readFile(path.join(bagDir, 'tagmanifest-sha256.txt'), 'utf8').then(parseManifest, () => null);
  if (tags) {
    for (const [file, expected] of tags) {
      const actual = await sha256Of(path.join(bagDir, file)).catch(() => null);
      if (actual !== expected) problems.push(`tag file ${actual ? 'hash differs' : 'missing'}: ${file}`);
    }
  }
  return { ok: problems.length === 0, problems };
}
