// Serves an attachment's bytes after lib/media/serve.ts has decided who may see them. Unknown and
// forbidden ids get the same 404. The content type is the one verified from the bytes, never the
// uploader's; nosniff stops browsers guessing otherwise; only images are shown inline.
import { Readable } from 'node:stream';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { findServableMedia } from '@/lib/media/serve';
import { mediaPolicy } from '@/lib/security/headers.mjs';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const media = await withDb(findServableMedia, await getViewer(), id);
  if (!media) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': mediaPolicy },
    });
  }
  const inline = media.mime.startsWith('image/');
  const body = Buffer.isBuffer(media.body)
    ? new Uint8Array(media.body)
    : (Readable.toWeb(media.body) as ReadableStream<Uint8Array>);
  return new Response(body, {
    headers: {
      'Content-Type': media.mime,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${media.filename}"`,
      'X-Content-Type-Options': 'nosniff',
      // A takedown must take effect quickly, so even public files are cached only briefly.
      'Cache-Control': media.isPublic ? 'public, max-age=300' : 'no-store',
      // This route's own policy: next.config.js sets none on /api/media/ (lib/security/headers.mjs).
      'Content-Security-Policy': mediaPolicy,
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
