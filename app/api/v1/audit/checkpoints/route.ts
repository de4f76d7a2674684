// GET /api/v1/audit/checkpoints — the signed checkpoints of the audit chain (issue 23 §2) and the
// public key that signs them. Public and the same for every reader: counts, ids, hashes and times,
// nothing about any record. Save it; `npm run audit:verify -- --checkpoint FILE` later proves the
// chain still extends it. `before` pages back through more than 1,000 checkpoints.
import { withDb } from '@/lib/db';
import { listCheckpoints } from '@/lib/audit/checkpoint';
import { badRequestResponse, jsonResponse } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const before = new URL(request.url).searchParams.get('before');
  if (before !== null && !/^[1-9]\d{0,9}$/.test(before)) return badRequestResponse(['before: a checkpoint id']);
  return jsonResponse(await withDb(listCheckpoints, { before: before ? Number(before) : undefined }));
}
