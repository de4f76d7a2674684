// The site's download of the latest signed copy: only the three published files, by exact name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-published-'));
process.env.YADMAN_DATA_DIR = dataDir;
const { publishedMirror, mirrorDownloads } = await import('./published');
const { GET } = await import('@/app/api/mirror/[file]/route');
const get = (file: string) => GET(new Request(`http://localhost/api/mirror/${file}`), { params: Promise.resolve({ file }) });

describe('the published mirror', () => {
  it('says there is none until one is published', async () => {
    expect(await publishedMirror()).toEqual({ publicKey: null, archive: null });
    expect((await get(mirrorDownloads.archive)).status).toBe(404);
  });

  it('shows the key and serves the archive, its signature and the key, and nothing else', async () => {
    const dir = path.join(dataDir, 'mirror');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, mirrorDownloads.archive), 'archive bytes');
    fs.writeFileSync(path.join(dir, mirrorDownloads.signature), 'signature');
    fs.writeFileSync(path.join(dir, mirrorDownloads.publicKey), 'untrusted comment: minisign public key 1\nRWQkey\n');
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not served');
    const published = await publishedMirror();
    expect(published.publicKey).toBe('RWQkey');
    expect(published.archive?.size).toBe(13);
    const archive = await get(mirrorDownloads.archive);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/gzip');
    expect(await archive.text()).toBe('archive bytes');
    expect(await (await get(mirrorDownloads.signature)).text()).toBe('signature');
    for (const other of ['../secret.txt', '..%2Fsecret.txt', 'secret.txt', 'MANIFEST.txt']) expect((await get(other)).status).toBe(404);
  });
});
