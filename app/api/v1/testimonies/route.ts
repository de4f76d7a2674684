// GET /api/v1/testimonies — published testimonies (redacted, credited as consented), newest first;
// `?person=<id>` narrows to one person's testimonies.
import { withDb } from '@/lib/db';
import { parseTestimoniesParams } from '@/lib/open-data/api-query';
import { badRequestResponse, jsonResponse } from '@/lib/open-data/http';
import { listApiTestimonies } from '@/lib/open-data/testimonies';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const params = parseTestimoniesParams(new URL(request.url).searchParams);
  if (!params.ok) return badRequestResponse(params.issues);
  return jsonResponse(await withDb(listApiTestimonies, params.value, request.url));
}
