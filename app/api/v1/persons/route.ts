// GET /api/v1/persons — published persons, newest publications first, paginated and filtered.
// Public: the same answer for every reader; only the public projection is read.
import { withDb } from '@/lib/db';
import { parsePersonsParams } from '@/lib/open-data/api-query';
import { badRequestResponse, jsonResponse } from '@/lib/open-data/http';
import { listApiPersons, personsQueryIssues } from '@/lib/open-data/persons';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const params = parsePersonsParams(new URL(request.url).searchParams);
  if (!params.ok) return badRequestResponse(params.issues);
  const issues = await withDb(personsQueryIssues, params.value);
  if (issues.length) return badRequestResponse(issues);
  return jsonResponse(await withDb(listApiPersons, params.value, siteOrigin(), request.url));
}
