// GET /api/altcha/challenge — a proof-of-work challenge for the ALTCHA widget on the sign-up and
// "submit for review" forms (lib/abuse/proof-of-work.ts). Public: anyone about to fill such a form
// may ask. Writes nothing; counted per hashed address in memory (429 over the allowance, and the
// form still works with the timed challenge).
import { requestAddressKey } from '@/lib/abuse/address';
import { issueProofOfWork } from '@/lib/abuse/proof-of-work';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    return Response.json(await issueProofOfWork(requestAddressKey(request.headers)), { headers });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'rate_limited') throw error;
    return Response.json({ error: 'rate_limited' }, { status: 429, headers: { ...headers, 'Retry-After': String(error.retryAfterSeconds) } });
  }
}
