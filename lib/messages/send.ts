import 'server-only';
// Writing to a thread. Each message commits with its audit entry (which never holds the text:
// the audit log must not become a copy of what witnesses wrote).
import { messages } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { consumeLimit } from '@/lib/abuse/limits';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { sealText } from '@/lib/crypto/sealed-text';
import { AppError } from '@/lib/errors';
import { recordNotification } from '@/lib/notifications/record';
import { messageBodySchema } from '@/lib/validation/message';
import { threadTestimony } from './access';

/** A refusal the form explains (catalogue `Messages.refused.<reason>`), not an error. */
export type SendRefusal = 'contact_not_allowed' | 'closed';
export type SendResult = { status: 'sent'; messageId: string } | { status: 'refused'; reason: SendRefusal };

// A thread stays open while the testimony is alive; a withdrawn one is the submitter's choice to leave.
const closedStatuses = new Set(['withdrawn']);

function parseBody(body: string): string {
  const parsed = messageBodySchema.safeParse(body);
  if (!parsed.success) throw new AppError('invalid_input', { fieldErrors: { body: parsed.error.issues[0]?.message ?? 'invalid' } });
  return parsed.data;
}

async function insertMessage(tx: Tx, input: { testimonyId: string; authorId: string; body: string; action: string }) {
  const [row] = await tx
    .insert(messages)
    .values({ testimonyId: input.testimonyId, authorId: input.authorId, ...sealText('message', input.body) })
    .returning({ id: messages.id });
  await appendAudit(tx, {
    actorId: input.authorId,
    action: input.action,
    targetType: 'testimony',
    targetId: input.testimonyId,
    details: { messageId: row!.id, length: input.body.length },
  });
  return row!.id;
}

/**
 * A moderator writes to the submitter. Refused (typed) when the submitter did not allow contact,
 * or the testimony was withdrawn. A moderator never messages about their own testimony.
 */
export async function sendStaffMessage(
  db: Db,
  viewer: Viewer | null,
  input: { testimonyId: string; body: string },
  /** The hashed client address (lib/abuse/address.ts), counted with the account. */
  address: string | null = null,
): Promise<SendResult> {
  requirePermission(viewer, 'message.send');
  const body = parseBody(input.body);
  return db.transaction(async (tx) => {
    const t = await threadTestimony(tx, viewer, input.testimonyId, { lock: true });
    if (t.side !== 'staff') throw new AppError('own_testimony');
    if (!t.mayContact) return { status: 'refused', reason: 'contact_not_allowed' } as const;
    if (closedStatuses.has(t.status)) return { status: 'refused', reason: 'closed' } as const;
    await consumeLimit(tx, 'message', { account: viewer!.userId, address });
    const messageId = await insertMessage(tx, { testimonyId: t.id, authorId: viewer!.userId, body, action: 'message.send' });
    await recordNotification(tx, { userId: t.submitterId, testimonyId: t.id, kind: 'message' });
    return { status: 'sent', messageId } as const;
  });
}

/** The submitter answers on their own testimony; anyone else's is `not_found`. */
export async function replyAsSubmitter(
  db: Db,
  viewer: Viewer | null,
  input: { testimonyId: string; body: string },
  /** The hashed client address (lib/abuse/address.ts), counted with the account. */
  address: string | null = null,
): Promise<SendResult> {
  requirePermission(viewer, 'message.reply.own');
  const body = parseBody(input.body);
  return db.transaction(async (tx) => {
    const t = await threadTestimony(tx, viewer, input.testimonyId, { lock: true });
    if (t.side !== 'submitter') throw new AppError('not_found');
    if (closedStatuses.has(t.status)) return { status: 'refused', reason: 'closed' } as const;
    await consumeLimit(tx, 'message', { account: viewer!.userId, address });
    const messageId = await insertMessage(tx, { testimonyId: t.id, authorId: viewer!.userId, body, action: 'message.reply' });
    return { status: 'sent', messageId } as const;
  });
}
