// The encrypted package of a finished investigators' export (lib/evidence/exports.ts decides who):
// admins with data.export; everyone else, and any unknown or unfinished id, gets the same 404.
// Streamed: a package of gigabytes never sits in memory. Each download is an audit entry.
import { Readable } from 'node:stream';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { openExportPackage } from '@/lib/evidence/exports';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let opened;
  try {
    opened = await withDb(openExportPackage, await getViewer(), id);
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  return new Response(Readable.toWeb(opened.body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${opened.filename}"`,
      ...(opened.sizeBytes ? { 'Content-Length': String(opened.sizeBytes) } : {}),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
