// Writes a notification inside the transaction of the move or message it reports, so a notice
// exists exactly when its cause committed (none lost, none phantom). The e-mail notice, when SMTP
// is configured and the account has an address, is a job in the same transaction: the job payload
// names the account only, and the address is read and decrypted in the job (lib/notifications/email.ts).
// No `server-only`: the lifecycle it is called from runs in scripts too.
import { eq, isNotNull, and } from 'drizzle-orm';
import { notifications, users, type rejectReason } from '@/db/schema';
import type { Tx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { enqueue } from '@/lib/jobs/queue';
import { emailNoticeJob, type NotificationKind } from './kinds';

type RejectReason = (typeof rejectReason.enumValues)[number];

export async function recordNotification(
  tx: Tx,
  input: { userId: string; testimonyId: string; kind: NotificationKind; reason?: RejectReason | null },
): Promise<void> {
  await tx.insert(notifications).values({ userId: input.userId, testimonyId: input.testimonyId, kind: input.kind, reason: input.reason ?? null });
  if (!env().SMTP_URL) return;
  const [withAddress] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.userId), isNotNull(users.emailEncrypted)));
  if (withAddress) await enqueue(tx, emailNoticeJob, { userId: input.userId });
}
