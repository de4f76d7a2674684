// GET /api/v1/persons.csv — bulk download of the public projection, streamed. Public.
import { personsDownload } from '@/lib/open-data/downloads';

export const dynamic = 'force-dynamic';

export function GET() {
  return personsDownload('csv');
}
