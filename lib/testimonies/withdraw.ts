import 'server-only';
// Withdrawing: allowed from any state by the owner (the lifecycle decides). A published testimony
// leaves public view at once: the caller revalidates public data when `publicChanged`.
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { unsafeOwnTestimony } from './access';
import { transitionTestimony } from './lifecycle';

export async function withdrawTestimony(db: Db, viewer: Viewer | null, testimonyId: string) {
  const ownerId = requirePermission(viewer, 'testimony.withdraw.own').userId;
  return db.transaction(async (tx) => {
    await unsafeOwnTestimony(tx, ownerId, testimonyId);
    return transitionTestimony(tx, { testimonyId, event: 'withdraw', actorId: ownerId });
  });
}
