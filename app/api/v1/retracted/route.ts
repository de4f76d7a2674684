// GET /api/v1/retracted — ids once public and no longer (taken down, withdrawn, merged), so that
// mirrors and researchers can remove them from earlier downloads. Public.
import { retractedDownload } from '@/lib/open-data/downloads';

export const dynamic = 'force-dynamic';

export function GET() {
  return retractedDownload('json');
}
