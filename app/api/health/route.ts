import { checkHealth } from '@/lib/health/check';

// Always evaluated per request: a cached "ok" would hide an outage.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.database === 'reachable' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
