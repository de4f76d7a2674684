import 'server-only';
// Submitting the working copy: it becomes a new immutable revision, proposed persons become
// draft person records for moderators to confirm, and the lifecycle moves it to `submitted`.
// Editing a published testimony goes through the same path but leaves it published: the new
// revision waits for review while `published_revision_id` stays what the public sees.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { coordinatedFingerprint, flagSimilar } from '@/lib/abuse/coordinated';
import { passGate } from '@/lib/abuse/gate';
import type { AuditInput } from '@/lib/audit/append';
import type { DataKey } from '@/lib/crypto/envelope';
import { AppError } from '@/lib/errors';
import { isPublicPerson } from '@/lib/memorial/visibility';
import { nameSearchText } from '@/lib/search/normalize';
import { checkedDate, proposedPerson, type AboutValues, type AccountValues } from '@/lib/validation/testimony';
import { requirePermission } from '@/lib/authz/guard';
import { unsafeOwnTestimony, type OwnTestimonyRow } from './access';
import { parseDraft, type DraftData } from './draft-data';
import { transitionTestimony } from './lifecycle';
import { openDraft, openField, openNarrative, sealDraft, sealField, sealNarrative, testimonyKey, writableKey } from './sealed';

export type SubmitResult = { outcome: 'submitted' | 'revised' | 'unchanged'; publicChanged: boolean };

/**
 * `token` is the review form's idempotency key: the same form posted twice adds one revision.
 * A testimony already submitted or in review answers `unchanged` (a back-and-resubmit is not an
 * error); a draft with unfinished steps is `invalid_input` with the steps as field errors.
 */
export async function submitTestimony(
  db: Db,
  viewer: Viewer | null,
  /** `challenge`/`proof`/`trap`: the review form's challenge, solved proof of work and hidden trap field (lib/abuse/challenge.ts). */
  input: { testimonyId: string; token: string; challenge: string; proof?: string; trap?: string },
  /** The hashed client address (lib/abuse/address.ts), counted with the account. */
  address: string | null = null,
): Promise<SubmitResult> {
  const ownerId = requirePermission(viewer, 'testimony.submit').userId;
  return db.transaction(async (tx) => {
    const row = await unsafeOwnTestimony(tx, ownerId, input.testimonyId, { lock: true });
    const draft = openDraft(testimonyKey(row), row.draft);
    const parsed = parseDraft(draft);
    const key = await writableKey(tx, row);
    const content = parsed.account.success ? revisionContent(parsed.account.data) : null;
    // The revision this form's key already made (if any) and the next revision number, in one read.
    const [{ next, seenId }] = (await tx
      .select({
        next: sql<number>`coalesce(max(${testimonyRevisions.number}), 0)::int + 1`,
        seenId: sql<string | null>`(array_agg(${testimonyRevisions.id}) filter (where ${testimonyRevisions.idempotencyKey} = ${input.token}))[1]`,
      })
      .from(testimonyRevisions)
      .where(eq(testimonyRevisions.testimonyId, row.id))) as [{ next: number; seenId: string | null }];
    const [seen] = seenId ? await tx.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, seenId)) : [];
    // The same form posted again answers as the first post did; but a form whose key already made a
    // revision of *other* text (a stale tab after an edit) is refused, never silently dropped.
    if (seen && !(content && sameContent(key, seen, content))) throw new AppError('conflict');
    if (seen || ['submitted', 'in_review', 'awaiting_approval'].includes(row.status)) return { outcome: 'unchanged', publicChanged: false };
    if (!['draft', 'changes_requested', 'published'].includes(row.status)) throw new AppError('conflict');

    if (!parsed.about.success || !content || !parsed.consent.success) {
      throw new AppError('invalid_input', { fieldErrors: Object.fromEntries(parsed.incomplete.map((s) => [s, 'stepIncomplete'])) });
    }
    if (row.status === 'published' && (await sameAsCurrent(tx, key, row, content))) return { outcome: 'unchanged', publicChanged: false };
    // The challenge and the limits are taken at the end, with the audit append, in one statement
    // (lib/abuse/gate.ts): the address's counter row and the audit chain's lock are shared by every
    // submission and stay locked until the commit, so nothing else runs while they are held (issue
    // 21's profile: 69 % of the submitters' database time was waiting for the counter row). Refused,
    // the work rolls back. Counted only when a revision is made: a repeated post costs nothing.
    const form = { challenge: input.challenge, proof: input.proof, trap: input.trap };
    const gateAndAudit = (entry: AuditInput) => passGate(tx, form, 'submission', { account: ownerId, address }, entry);
    // The near-duplicate check's fingerprint is stored, and its band locks taken, by the testimony's
    // own UPDATE; its look-alikes are read after (before the gate: one lock order everywhere —
    // bands, then the counter row, then the audit lock).
    const print = coordinatedFingerprint(content.narrative);
    const flagLookAlikes = (now: Date) => flagSimilar(tx, { testimonyId: row.id, submitterId: ownerId, print: print.print, now }).then(() => undefined);

    // The revision's id is chosen here, so that its insert can share a statement with the persons' writes.
    const revisionId = randomUUID();
    const insertRevision = tx
      .insert(testimonyRevisions)
      .values({ id: revisionId, testimonyId: row.id, number: Number(next), ...content, narrative: sealNarrative(key, content.narrative), eventPlace: null, eventPlaceEncrypted: sealField(key, 'eventPlace', content.eventPlace), createdBy: ownerId, idempotencyKey: input.token });
    const language = /[\u0600-\u06FF]/.test(content.narrative) ? 'fa' : 'en';

    if (row.status === 'published') {
      await insertRevision;
      await tx
        .update(testimonies)
        .set({ currentRevisionId: revisionId, language, updatedAt: new Date(), ...print.set })
        .where(and(eq(testimonies.id, row.id), print.lockBands));
      await flagLookAlikes(new Date());
      await gateAndAudit({ actorId: ownerId, action: 'testimony.revise', targetType: 'testimony', targetId: row.id, details: { revision: Number(next) } });
      return { outcome: 'revised', publicChanged: false };
    }

    const proposedWrites = personWrites(tx, row, { key, draft }, ownerId, parsed.about.data);
    const sealedDraft = proposedWrites.sealedDraft;
    const consent = parsed.consent.data;
    const now = new Date();
    // One statement (issue 21: it was five round trips): the revision, the proposed person and the
    // links written alongside the UPDATE of the row (ours, locked above) that moves it, names the
    // revision, records the consent and stores the fingerprint.
    const moved = await transitionTestimony(tx, {
      testimonyId: row.id,
      event: 'submit',
      actorId: ownerId,
      locked: { status: row.status, submitterId: row.submitterId },
      set: {
        submittedAt: now,
        currentRevisionId: revisionId,
        language,
        ...(sealedDraft ? { draft: sealedDraft } : {}),
        consentPublish: consent.publish,
        consentCredit: consent.credit,
        creditName: null,
        creditNameEncrypted: sealField(key, 'creditName', consent.credit === 'chosen_name' ? consent.creditName : null),
        portraitPublic: consent.portraitPublic === 'yes',
        exactPlacePublic: consent.exactPlacePublic === 'yes',
        mayContact: consent.mayContact === 'yes',
        ...print.set,
      },
      where: print.lockBands,
      alongside: [sql`revision as (${insertRevision.getSQL()})`, ...proposedWrites.writes.map((write, i) => sql`${sql.identifier(`persons_${i}`)} as (${write.getSQL()})`)],
      details: { revision: Number(next) },
      // A flag commits with the submission, never without it.
      beforeAudit: () => flagLookAlikes(now),
      appendAudit: gateAndAudit,
    });
    return { outcome: 'submitted', publicChanged: moved.publicChanged };
  });
}

type RevisionContent = ReturnType<typeof revisionContent>;

/** The columns of a revision that the account step decides. */
function revisionContent(account: AccountValues) {
  const date = checkedDate(account, 'event');
  return {
    relationship: account.relationship,
    hand: account.hand,
    narrative: account.narrative,
    eventDate: date.iso,
    eventDatePrecision: date.precision,
    eventPlace: account.eventPlace || null,
  };
}

function sameContent(key: DataKey, revision: typeof testimonyRevisions.$inferSelect, content: RevisionContent) {
  const stored = { ...revision, narrative: openNarrative(key, revision.narrative), eventPlace: openField(key, 'eventPlace', { encrypted: revision.eventPlaceEncrypted, plain: revision.eventPlace }) };
  return Object.entries(content).every(([k, v]) => (stored as Record<string, unknown>)[k] === v);
}

async function sameAsCurrent(tx: Tx, key: DataKey, row: OwnTestimonyRow, content: RevisionContent) {
  if (!row.currentRevisionId) return false;
  const [current] = await tx.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, row.currentRevisionId));
  return !!current && sameContent(key, current, content);
}

/**
 * Links the chosen published persons, and creates (first submit) or updates (resubmission, while
 * still a draft record of this submitter's) the proposed person as `status = 'draft'`: never
 * public until a moderator confirms it. A person created here is remembered in the working copy:
 * the sealed draft that names it is returned, for the caller's UPDATE of the row (else null).
 * Returned as statements for the caller to send together (the person's id is chosen here, so the
 * link needs no answer from the insert; the links' foreign keys are checked at the statement's end).
 */
function personWrites(tx: Tx, row: OwnTestimonyRow, sealed: { key: DataKey; draft: DraftData }, ownerId: string, about: AboutValues): { writes: { getSQL(): SQL }[]; sealedDraft: string | null } {
  let sealedDraft: string | null = null;
  const writes: { getSQL(): SQL }[] = [];
  const { key, draft } = sealed;
  const linked: SQL[] = [];
  // Only published persons may be chosen: the others are left out of the link, as before.
  if (about.personId.length) linked.push(sql`select ${row.id}::uuid, ${persons.id} from ${persons} where ${and(inArray(persons.id, about.personId), isPublicPerson)}`);
  const proposed = proposedPerson(about);
  if (proposed) {
    const { incident } = proposed;
    const fields = {
      nameFa: proposed.newNameFa || proposed.newNameLatin,
      nameLatin: proposed.newNameLatin || null,
      fatherNameFa: proposed.newFatherName || null,
      gender: proposed.newGender,
      age: proposed.newAge,
      birthYear: proposed.newBirthYear,
      incidentDate: incident.iso,
      incidentDatePrecision: incident.precision,
      province: proposed.newProvince || null,
      city: proposed.newCity || null,
      outcome: proposed.newOutcome,
      cause: proposed.newCause || null,
      perpetrator: proposed.newPerpetrator,
      aftermath: proposed.newAftermath,
      nameSearch: nameSearchText([proposed.newNameFa, proposed.newNameLatin]),
    };
    let personId = draft.proposedPersonId;
    if (personId) {
      // Never over a moderator's correction (walk finding: an age corrected 23 → 22 was overwritten by
      // the resubmission and published): a record a moderator edited (version > 0) is theirs now.
      writes.push(tx.update(persons).set(fields).where(and(eq(persons.id, personId), eq(persons.status, 'draft'), eq(persons.createdBy, ownerId), eq(persons.version, 0))));
    } else {
      personId = randomUUID();
      writes.push(tx.insert(persons).values({ ...fields, id: personId, collectionId: row.collectionId, slug: `proposed-${randomBytes(8).toString('hex')}`, status: 'draft', createdBy: ownerId }));
      sealedDraft = sealDraft(key, { ...draft, proposedPersonId: personId });
    }
    linked.push(sql`select ${row.id}::uuid, ${personId}::uuid`);
  }
  if (linked.length) writes.push(tx.insert(testimonyPersons).select(sql.join(linked, sql` union all `)).onConflictDoNothing());
  return { writes, sealedDraft };
}
