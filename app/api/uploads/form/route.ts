// The upload form without JavaScript posts here (a route handler, not a server action, so the body
// is streamed to disk instead of parsed in memory: lib/media/multipart.ts). The answer is a 303
// back to the files step, saying what happened; a refused file's caption comes back in a
// short-lived cookie scoped to that page, so nothing typed is lost (no caption in the URL).
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { receiveMultipartUpload } from '@/lib/media/multipart';
import { uploadCaptionCookie } from '@/lib/media/upload-outcome';
import { isSameOriginRequest } from '@/lib/security/same-origin';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  // Session cookies are SameSite=Lax, so another site's form carries none; refuse it outright anyway
  // (foreign or null Origin, cross-site Sec-Fetch-Site: lib/security/same-origin.ts).
  if (!isSameOriginRequest(request.headers)) return plain(403, 'Forbidden');
  try {
    const result = await receiveMultipartUpload(await getDb(), await getViewer(), request);
    const page = `/${result.locale}/submit/${result.testimonyId}/files`;
    const response = NextResponse.redirect(new URL(`${page}?upload=${encodeURIComponent(result.outcome)}#attachments-heading`, request.url), 303);
    response.headers.set('Cache-Control', 'no-store');
    if (result.outcome !== 'received' && result.caption) {
      response.cookies.set(uploadCaptionCookie, result.caption, { path: page, maxAge: 600, httpOnly: true, sameSite: 'strict', secure: new URL(request.url).protocol === 'https:' });
    }
    return response;
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return plain(401, 'Sign in again, then upload the file.');
    if (error instanceof AppError && error.code === 'invalid_input') return plain(400, 'Not an upload form.');
    if (error instanceof AppError) return plain(404, 'Not found');
    throw error;
  }
}
