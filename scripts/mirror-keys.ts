// The mirror's signing commands (lib/mirror/minisign.ts, lib/mirror/verify.ts):
//   npm run mirror:keygen -- --secret FILE --public FILE   a new key pair; the secret key is
//       encrypted with a passphrase and written only to FILE (never to the database or the env)
//   npm run mirror:sign -- DIR --secret FILE [--publish]  signs DIR/MANIFEST.txt; with --publish, also
//       packs DIR as one archive, signs that, and puts both and the public key where the site offers
//       them for download (the data folder's mirror/, lib/mirror/downloads.ts)
//   npm run mirror:verify -- DIR [--public-key FILE] [--zim FILE]   checks the signature and every
//       file (and the ZIM made from it against the hash the signed manifest records)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mirrorDownloadDir, mirrorDownloads } from '../lib/mirror/downloads';
import { hashFile, publicKeyFile, readManifest } from '../lib/mirror/manifest';
import { formatPublicKey, formatSecretKey, generateKeys, parsePublicKey, parseSecretKey, signBytes } from '../lib/mirror/minisign';
import { isIntact, signExport, verifyExport } from '../lib/mirror/verify';
import { nextPassphrase } from './mirror/passphrase';

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { secret: { type: 'string' }, public: { type: 'string' }, 'public-key': { type: 'string' }, force: { type: 'boolean' }, publish: { type: 'boolean' }, zim: { type: 'string' } },
});
const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};

if (command === 'keygen') {
  const secret = values.secret ?? fail('usage: npm run mirror:keygen -- --secret mirror.key --public mirror.pub');
  const pub = values.public ?? fail('usage: npm run mirror:keygen -- --secret mirror.key --public mirror.pub');
  if (!values.force && (fs.existsSync(secret) || fs.existsSync(pub))) fail(`${secret} or ${pub} exists; refusing to overwrite a key (--force)`);
  const passphrase = await nextPassphrase('Passphrase for the new secret key: ');
  if ((await nextPassphrase('The same passphrase again: ')) !== passphrase) fail('the passphrases differ');
  if (passphrase.length < 12) fail('choose a passphrase of at least 12 characters (a few words)');
  const sk = generateKeys();
  fs.writeFileSync(secret, formatSecretKey(sk, passphrase), { mode: 0o600 });
  fs.writeFileSync(pub, formatPublicKey(sk));
  console.info(`secret key (encrypted): ${secret}\npublic key: ${pub}\n${formatPublicKey(sk).split('\n')[1]}`);
} else if (command === 'sign') {
  const dir = positionals[0] ?? fail('usage: npm run mirror:sign -- DIR --secret mirror.key');
  const secret = values.secret ?? fail('usage: npm run mirror:sign -- DIR --secret mirror.key');
  let sk;
  try {
    sk = parseSecretKey(fs.readFileSync(secret, 'utf8'), await nextPassphrase('Passphrase of the secret key: '));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  await signExport(dir, sk!);
  console.info(`signed ${path.join(dir, 'MANIFEST.txt')} with key ${formatPublicKey(sk!).split('\n')[1]}`);
  if (values.publish) {
    const target = mirrorDownloadDir();
    fs.mkdirSync(target, { recursive: true });
    // Written beside, then renamed: the site never serves a half-written archive or a mismatched pair.
    const archive = path.join(target, `.${mirrorDownloads.archive}.partial`);
    const tar = spawnSync('tar', ['-czf', archive, '-C', path.dirname(path.resolve(dir)), path.basename(path.resolve(dir))], { stdio: 'inherit' });
    if (tar.status !== 0) fail('tar failed', 1);
    const signature = signBytes(sk!, fs.readFileSync(archive), `timestamp:${Math.floor(Date.now() / 1000)}\tfile:${mirrorDownloads.archive}\thashed`);
    fs.writeFileSync(path.join(target, mirrorDownloads.publicKey), formatPublicKey(sk!));
    fs.writeFileSync(path.join(target, mirrorDownloads.signature), signature);
    fs.renameSync(archive, path.join(target, mirrorDownloads.archive));
    console.info(`published ${path.join(target, mirrorDownloads.archive)} and its signature`);
  }
} else if (command === 'verify') {
  const dir = positionals[0] ?? fail('usage: npm run mirror:verify -- DIR [--public-key mirror.pub]');
  const keyFile = values['public-key'] ?? path.join(dir, publicKeyFile);
  if (!values['public-key']) console.warn(`using the copy's own ${publicKeyFile}: compare it with the key the memorial publishes`);
  const result = await verifyExport(dir, parsePublicKey(fs.readFileSync(keyFile, 'utf8')));
  console.info(result.signature.ok ? `signature: good (${result.signature.comment.replaceAll('\t', ' ')})` : `signature: BAD — ${result.signature.error}`);
  for (const file of result.problems.missing) console.info(`missing: ${file}`);
  for (const file of result.problems.extra) console.info(`extra: ${file}`);
  for (const file of result.problems.altered) console.info(`altered: ${file}`);
  let zimIntact = true;
  if (values.zim) {
    const recorded = (await readManifest(dir))?.meta.zim?.split(/\s+/);
    const actual = await hashFile(values.zim);
    zimIntact = !!recorded && recorded[0] === actual.sha256 && Number(recorded[1]) === actual.size;
    console.info(zimIntact ? `zim: good (${values.zim})` : `zim: ALTERED or not from this copy (${values.zim})`);
  }
  if (!isIntact(result) || !zimIntact) process.exit(1);
  console.info('every file matches the signed manifest');
} else {
  fail('usage: mirror-keys keygen|sign|verify …');
}
