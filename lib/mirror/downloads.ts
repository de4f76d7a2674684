// The three files of the published copy and where they are kept (the data folder's mirror/).
// Pure (no server-only): the signing command writes them, the site's route serves them.
import path from 'node:path';
import { env } from '@/lib/env.mjs';

export const mirrorDownloads = { archive: 'yadman-mirror.tar.gz', signature: 'yadman-mirror.tar.gz.minisig', publicKey: 'mirror.pub' } as const;
export type MirrorDownload = (typeof mirrorDownloads)[keyof typeof mirrorDownloads];

export function isMirrorDownload(name: string): name is MirrorDownload {
  return (Object.values(mirrorDownloads) as string[]).includes(name);
}

export function mirrorDownloadDir(dataDir = env().YADMAN_DATA_DIR): string {
  return path.resolve(dataDir, 'mirror');
}

