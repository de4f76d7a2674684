// GET /api/v1/persons/{id} — one published person. Unknown, malformed, draft, hidden and merged ids
// all get the identical 404, so the API never reveals that an unpublished record exists.
import { withDb } from '@/lib/db';
import { jsonResponse, notFoundResponse } from '@/lib/open-data/http';
import { getApiPerson } from '@/lib/open-data/persons';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const person = await withDb(getApiPerson, id, siteOrigin());
  return person ? jsonResponse({ data: person }) : notFoundResponse();
}
