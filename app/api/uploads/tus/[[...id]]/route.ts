// Resumable uploads (tus protocol) for the files step with JavaScript. Every check is in
// lib/media/tus.ts; this only loads who is asking. There is no GET: an upload is never read back
// through this route (files are served only by /api/media/[id]). An id that is not a UUID is 404
// before the upload store is touched.
import { getViewer } from '@/lib/auth/viewer';
import { isUuid } from '@/lib/validation/uuid';
import { handleTusRequest } from '@/lib/media/tus';
import { isSameOriginRequest } from '@/lib/security/same-origin';

type Context = { params: Promise<{ id?: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { id = [] } = await params;
  // Creating, appending to or deleting an upload only from the site itself (docs/security.md, CSRF).
  const changesState = request.method !== 'HEAD' && request.method !== 'OPTIONS';
  if (changesState && !isSameOriginRequest(request.headers)) return new Response('Forbidden', { status: 403, headers: { 'Cache-Control': 'no-store' } });
  if (id.length > 1 || (id.length === 1 && !isUuid(id[0]!))) return new Response('Not found', { status: 404 });
  return handleTusRequest(request, await getViewer());
}

export { handle as POST, handle as PATCH, handle as HEAD, handle as DELETE, handle as OPTIONS };
