// The latest signed copy the site offers for download (issue 22): one archive, its minisign
// signature and the public key, placed by `npm run mirror:sign -- DIR --publish` in the data
// folder's mirror/ directory. The secret key never comes here; only these three public files do.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { mirrorDownloadDir, mirrorDownloads } from './downloads';

export { isMirrorDownload, mirrorDownloadDir, mirrorDownloads } from './downloads';

export type PublishedMirror = { publicKey: string | null; archive: { size: number; madeAt: string } | null };

/** What the data page shows: the public key (its base64 line) and the archive, if published. */
export async function publishedMirror(): Promise<PublishedMirror> {
  const dir = mirrorDownloadDir();
  const key = await fs.readFile(path.join(dir, mirrorDownloads.publicKey), 'utf8').catch(() => null);
  const [archive, signature] = await Promise.all([
    fs.stat(path.join(dir, mirrorDownloads.archive)).catch(() => null),
    fs.stat(path.join(dir, mirrorDownloads.signature)).catch(() => null),
  ]);
  return {
    publicKey: key?.trim().split('\n').at(-1) ?? null,
    archive: archive && signature ? { size: archive.size, madeAt: archive.mtime.toISOString() } : null,
  };
}
