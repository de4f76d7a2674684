// GET /api/altcha/worker — the ALTCHA widget's PBKDF2 worker, served from our own origin: the page
// policy allows workers from the site only (worker-src 'self', no blob:). Public, the same for everyone.
import { proofOfWorkWorker } from '@/lib/abuse/proof-of-work';

export const dynamic = 'force-dynamic';

export async function GET() {
  return new Response(await proofOfWorkWorker(), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
