// /api/mirror/{yadman-mirror.tar.gz | yadman-mirror.tar.gz.minisig | mirror.pub}: the latest signed
// copy of the public memorial (lib/mirror/published.ts). Public, like the open-data downloads.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { downloadResponse, notFoundResponse } from '@/lib/open-data/http';
import { isMirrorDownload, mirrorDownloadDir } from '@/lib/mirror/published';

export const dynamic = 'force-dynamic';

const types = { gz: 'application/gzip', minisig: 'text/plain; charset=utf-8', pub: 'text/plain; charset=utf-8' } as Record<string, string>;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!isMirrorDownload(file)) return notFoundResponse();
  const full = path.join(mirrorDownloadDir(), file);
  if (!(await fs.stat(full).catch(() => null))?.isFile()) return notFoundResponse();
  const body = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
  return downloadResponse(body, types[file.split('.').pop()!]!, file);
}
