// GET /api/v1/openapi.json — the OpenAPI 3.1 description of the open-data API. Public.
import { jsonResponse } from '@/lib/open-data/http';
import { openApiDocument } from '@/lib/open-data/openapi';
import { siteOrigin } from '@/lib/open-data/site';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonResponse(openApiDocument(siteOrigin()));
}
