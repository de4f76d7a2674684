// Private temporary folders for media work (uploads arriving, originals opened for processing,
// derivatives being made). Under YADMAN_DATA_DIR/tmp rather than the system's /tmp, which may be
// memory-backed (a 200 MB video must not sit in RAM) or shared with other users. Each folder is
// 0700 and removed when the work ends, whatever happened.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env.mjs';

export function mediaTempRoot(): string {
  return path.join(env().dataDir, 'tmp');
}

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const root = mediaTempRoot();
  await mkdir(root, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(root, 'media-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
