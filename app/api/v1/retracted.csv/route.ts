// GET /api/v1/retracted.csv — the retracted ids of /api/v1/retracted, beside the bulk files. Public.
import { retractedDownload } from '@/lib/open-data/downloads';

export const dynamic = 'force-dynamic';

export function GET() {
  return retractedDownload('csv');
}
