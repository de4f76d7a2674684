// The hourly housekeeping's sweep of resumable uploads on a data folder where no upload was ever
// made: a fresh installation, every e2e server. The tus file store creates its folder without
// waiting for it, and listed it at once: the first sweep of every such start failed (ENOENT),
// logged as "job worker: Error".
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpExpiredUploads, setUploadStorageForTests } from './tus';

describe('the sweep of resumable uploads', () => {
  let root: string | undefined;
  afterEach(async () => {
    setUploadStorageForTests(undefined);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('on a folder that does not exist yet finds nothing to remove, and makes the folder', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'yadman-tus-'));
    const directory = path.join(root, 'data', 'uploads');
    setUploadStorageForTests({ directory });
    await expect(cleanUpExpiredUploads()).resolves.toBe(0);
    expect((await stat(directory)).isDirectory()).toBe(true);
  });
});
