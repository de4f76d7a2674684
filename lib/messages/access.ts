import 'server-only';
// Who may see a testimony's message thread: its submitter, or staff with `testimony.read.any`
// (but never on a draft: a draft is the submitter's alone until they submit it). Anyone else gets
// `not_found`, whether or not the testimony exists (PRODUCT.md §2.5).
import { eq } from 'drizzle-orm';
import { testimonies } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { requireSignedIn } from '@/lib/authz/guard';
import { can } from '@/lib/authz/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';

export type ThreadTestimony = {
  id: string;
  submitterId: string;
  status: string;
  mayContact: boolean;
  /** How the viewer takes part: as the submitter, or as staff. */
  side: 'submitter' | 'staff';
};

/** Loads the testimony behind a thread and decides the viewer's side; `lock` for writers. */
export async function threadTestimony(
  db: DbOrTx,
  viewer: Viewer | null,
  testimonyId: string,
  options: { lock?: boolean } = {},
): Promise<ThreadTestimony> {
  requireSignedIn(viewer);
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  const query = db
    .select({ id: testimonies.id, submitterId: testimonies.submitterId, status: testimonies.status, mayContact: testimonies.mayContact })
    .from(testimonies)
    .where(eq(testimonies.id, testimonyId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  if (row.submitterId === viewer!.userId) {
    if (!can(viewer!.role, 'testimony.read.own')) throw new AppError('not_found');
    return { ...row, side: 'submitter' };
  }
  if (!can(viewer!.role, 'testimony.read.any') || row.status === 'draft') throw new AppError('not_found');
  return { ...row, side: 'staff' };
}
