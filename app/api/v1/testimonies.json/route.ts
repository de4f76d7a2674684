// GET /api/v1/testimonies.json — bulk download of the public projection, streamed. Public.
import { testimoniesDownload } from '@/lib/open-data/downloads';

export const dynamic = 'force-dynamic';

export function GET() {
  return testimoniesDownload('json');
}
