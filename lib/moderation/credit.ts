import 'server-only';
// The public credit, as the moderator sets it (walk finding: a testimony was credited with its
// submitter's full name, and no moderator could change it). Any moderator who did not submit it may,
// before and after publishing: only ever narrower than the submitter allowed — a chosen name
// edited (or shortened), the relationship only, or anonymous — never wider. Taking the credit back
// to the relationship or anonymous, or words out of the name, applies at once, also when it is
// public; a name with new words on a published testimony is a publication of its own (four-eyes).
// Publishing a credit that still reads like a full name needs the moderator's tick (./credit-check.ts,
// ./redaction-save.ts `requirePublishChecks`). One transaction with its audit entry (never the name).
import { eq } from 'drizzle-orm';
import { testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { openField, sealField, writableKey } from '@/lib/testimonies/sealed';
import { unsafeLockRow } from './claims';
import { approvePublication, type PublicationOutcome } from './publication';
import { onlyRemovesWords } from './redaction';

export const creditChoices = ['anonymous', 'relationship', 'chosen_name'] as const;
export type CreditChoice = (typeof creditChoices)[number];
const breadth: Record<CreditChoice, number> = { anonymous: 0, relationship: 1, chosen_name: 2 };
const editable = new Set(['in_review', 'awaiting_approval', 'published']);

export async function setPublicCredit(db: Db, viewer: Viewer | null, input: { testimonyId: string; credit: CreditChoice; name?: string }): Promise<{ publication: PublicationOutcome }> {
  const actor = requirePermission(viewer, 'moderation.redact');
  requirePermission(viewer, 'moderation.decide');
  if (!creditChoices.includes(input.credit)) throw new AppError('invalid_input', { fieldErrors: { credit: 'invalid' } });
  const name = input.credit === 'chosen_name' ? (input.name ?? '').replace(/\s+/g, ' ').trim() : null;
  if (input.credit === 'chosen_name' && !name) throw new AppError('invalid_input', { fieldErrors: { creditName: 'required' } });
  if (name && name.length > 200) throw new AppError('invalid_input', { fieldErrors: { creditName: 'tooLong' } });
  const result = await db.transaction(async (tx) => {
    const row = await unsafeLockRow(tx, input.testimonyId);
    if (row.submitterId === actor.userId) throw new AppError('own_testimony');
    if (!editable.has(row.status)) throw new AppError('conflict');
    const [t] = await tx
      .select({ credit: testimonies.consentCredit, encrypted: testimonies.creditNameEncrypted, plain: testimonies.creditName })
      .from(testimonies)
      .where(eq(testimonies.id, input.testimonyId));
    const key = await writableKey(tx, { id: input.testimonyId, dataKey: row.dataKey });
    const current = t!.credit === 'chosen_name' ? openField(key, 'creditName', { encrypted: t!.encrypted, plain: t!.plain }) : null;
    // Never wider than the submitter allowed (or than it is now).
    if (breadth[input.credit] > breadth[t!.credit]) throw new AppError('invalid_input', { fieldErrors: { credit: 'creditWider' } });
    if (input.credit === t!.credit && name === (current?.trim() ?? null)) return { publication: 'published' as const, changed: false };
    const live = row.status === 'published';
    if (live && name && !onlyRemovesWords(current, name)) {
      const publication = await approvePublication(tx, actor.userId, { kind: 'correction', id: input.testimonyId, content: { credit: input.credit, name } });
      if (publication !== 'published') return { publication, changed: false };
    }
    await tx.update(testimonies).set({ consentCredit: input.credit, creditName: null, creditNameEncrypted: sealField(key, 'creditName', name) }).where(eq(testimonies.id, input.testimonyId));
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'testimony.credit.set',
      targetType: 'testimony',
      targetId: input.testimonyId,
      details: { from: t!.credit, to: input.credit, ...(name ? { nameLength: name.length } : {}), published: live },
    });
    return { publication: 'published' as const, changed: live };
  });
  if (result.changed) revalidatePublicData();
  return { publication: result.publication };
}
