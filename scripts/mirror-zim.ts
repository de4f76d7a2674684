// `npm run mirror:zim -- DIR --out FILE.zim`: packs an export as a ZIM file for Kiwix with Debian's
// zim-tools (zimwriterfs), titled, in Persian, with the copy's favicon, then records the ZIM's
// size and SHA-256 in DIR/MANIFEST.txt (so sign after this: `npm run mirror:sign`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatManifest, hashFile, manifestFile, readManifest, signatureFile } from '../lib/mirror/manifest';
import { translatorFor } from '../lib/open-data/translator';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const dir = positionals[0];
if (!dir || !values.out) {
  console.error('usage: npm run mirror:zim -- DIR --out yadman.zim');
  process.exit(2);
}
const manifest = await readManifest(dir);
if (!manifest) {
  console.error(`${dir} holds no ${manifestFile}: run npm run mirror:export first`);
  process.exit(1);
}
const zim = path.resolve(values.out);
if (zim.startsWith(path.resolve(dir) + path.sep)) {
  console.error('write the ZIM outside the export folder (it would pack itself)');
  process.exit(2);
}
fs.rmSync(zim, { force: true });
const meta = translatorFor('fa', 'Metadata');
const run = spawnSync(
  'zimwriterfs',
  [
    '--welcome=index.html',
    '--illustration=assets/favicon.png',
    '--language=fas,eng',
    `--title=${meta('siteName')}`,
    `--description=${meta('homeTitle').slice(0, 80)}`,
    `--creator=${meta('siteName')}`,
    `--publisher=${meta('siteName')}`,
    '--name=yadman_mul_all',
    `--source=${manifest.meta.origin ?? ''}`,
    '--scraper=yadman mirror:zim',
    '--withoutFTIndex',
    dir,
    zim,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (run.status !== 0) process.exit(run.status ?? 1);
const entry = await hashFile(zim);
manifest.meta.zim = `${entry.sha256}  ${entry.size}  ${path.basename(zim)}`;
fs.writeFileSync(path.join(dir, manifestFile), formatManifest(manifest));
fs.rmSync(path.join(dir, signatureFile), { force: true });
console.info(`${zim}: ${entry.size} bytes, sha256 ${entry.sha256} (recorded in ${manifestFile}; sign it again)`);
