import 'server-only';
// "My testimonies": the submitter's own list and detail, as DTOs. The timeline comes from the
// audit log (what happened and when), never who did it: moderators' identities stay with staff.
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { auditEntries, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import type { DataKey } from '@/lib/crypto/envelope';
import { requirePermission } from '@/lib/authz/guard';
import { AppError } from '@/lib/errors';
import { publishedVisibility, type PublishedVisibility } from '@/lib/memorial/visibility';
import { isUuid } from '@/lib/validation/uuid';
import { editableSteps, unsafeOwnTestimony } from './access';
import type { AboutName } from './about-label';
import type { DraftData } from './draft-data';
import { publishedPersonsByIds } from './drafts';
import type { TestimonyStatus } from './lifecycle';
import { openDraft, openField, openNarrative, testimonyKey } from './sealed';

export type TimelineEvent = { event: string; at: Date };

/**
 * The status its submitter is shown: a published testimony that readers cannot find is not
 * "Published" — kept for documentation only as they chose (`accepted`), or about no public person
 * (`not_shown`, e.g. a person moderators hid).
 */
export type OwnStatus = TestimonyStatus | 'accepted' | 'not_shown';

function ownStatus(status: TestimonyStatus, visibility: PublishedVisibility | null): OwnStatus {
  if (status !== 'published' || !visibility || visibility === 'public') return status;
  return visibility === 'documentation_only' ? 'accepted' : 'not_shown';
}

/** A documentation-only testimony was accepted, never published: its timeline says so. */
function ownTimeline(events: TimelineEvent[], consentPublish: string): TimelineEvent[] {
  if (consentPublish === 'public') return events;
  const accepted: Record<string, string> = { publish: 'accept', publishRevision: 'acceptRevision' };
  return events.map((e) => ({ ...e, event: accepted[e.event] ?? e.event }));
}

export type OwnTestimonySummary = {
  id: string;
  status: TestimonyStatus;
  /** What the submitter is shown as its status (see OwnStatus). */
  shownStatus: OwnStatus;
  /** Who it is about: the persons linked, or chosen and proposed in the draft (for them only; see about-label.ts). */
  about: AboutName[];
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** A newer revision waits for review while an older one stays public. */
  revisionInReview: boolean;
  timeline: TimelineEvent[];
};

async function timelines(db: Db, ids: string[]) {
  const byId = new Map<string, TimelineEvent[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .select({ targetId: auditEntries.targetId, action: auditEntries.action, at: auditEntries.createdAt })
    .from(auditEntries)
    .where(and(eq(auditEntries.targetType, 'testimony'), inArray(auditEntries.targetId, ids)))
    .orderBy(asc(auditEntries.id));
  for (const r of rows) {
    const list = byId.get(r.targetId!) ?? [];
    list.push({ event: r.action.replace(/^testimony\./, ''), at: r.at });
    byId.set(r.targetId!, list);
  }
  return byId;
}

/** Who each testimony is about, as the submitter named them (their own words; for them only). */
export async function aboutNames(db: Db, ids: string[]) {
  const byId = new Map<string, AboutName[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .select({ testimonyId: testimonyPersons.testimonyId, nameFa: persons.nameFa, nameLatin: persons.nameLatin })
    .from(testimonyPersons)
    .innerJoin(persons, eq(persons.id, testimonyPersons.personId))
    .where(inArray(testimonyPersons.testimonyId, ids));
  for (const r of rows) byId.set(r.testimonyId, [...(byId.get(r.testimonyId) ?? []), { nameFa: r.nameFa, nameLatin: r.nameLatin }]);
  return byId;
}

/**
 * Who drafts not yet submitted are about: the persons picked from the memorial (still public) and
 * the new person proposed, read from each draft (one query for all of them). Before this, a draft
 * about a person picked from the memorial was listed as "No person chosen yet".
 */
async function draftNames(db: Db, drafts: { id: string; draft: DraftData }[]): Promise<Map<string, AboutName[]>> {
  const picked = (d: DraftData) => [d.about?.personId ?? []].flat().filter((v): v is string => typeof v === 'string');
  const chosen = new Map((await publishedPersonsByIds(db, [...new Set(drafts.flatMap((d) => picked(d.draft)))])).map((p) => [p.id, p]));
  const byId = new Map<string, AboutName[]>();
  for (const { id, draft } of drafts) {
    const about = draft.about ?? {};
    const names: AboutName[] = picked(draft).flatMap((pid) => (chosen.has(pid) ? [chosen.get(pid)!] : []));
    const nameFa = typeof about.newNameFa === 'string' ? about.newNameFa : '';
    const nameLatin = typeof about.newNameLatin === 'string' && about.newNameLatin ? about.newNameLatin : null;
    if (nameFa || nameLatin) names.push({ nameFa, nameLatin });
    byId.set(id, names.map((n) => ({ nameFa: n.nameFa, nameLatin: n.nameLatin })));
  }
  return byId;
}

export async function listOwnTestimonies(db: Db, viewer: Viewer | null): Promise<OwnTestimonySummary[]> {
  const ownerId = requirePermission(viewer, 'testimony.read.own').userId;
  const rows = await db
    .select({ ...getTableColumns(testimonies), visibility: publishedVisibility })
    .from(testimonies)
    .where(eq(testimonies.submitterId, ownerId))
    .orderBy(desc(testimonies.updatedAt), asc(testimonies.id))
    .limit(200);
  const ids = rows.map((r) => r.id);
  const [events, linked] = await Promise.all([timelines(db, ids), aboutNames(db, ids)]);
  // Only the drafts with no linked person are opened (decrypted) for their names.
  const fromDrafts = await draftNames(db, rows.filter((r) => !linked.has(r.id)).map((r) => ({ id: r.id, draft: openDraft(testimonyKey(r), r.draft) })));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    shownStatus: ownStatus(r.status, r.visibility),
    about: linked.get(r.id) ?? fromDrafts.get(r.id) ?? [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    revisionInReview: !!r.publishedRevisionId && r.currentRevisionId !== r.publishedRevisionId,
    timeline: ownTimeline(events.get(r.id) ?? [], r.consentPublish),
  }));
}

/** A revision as read, with its narrative and place opened (and no ciphertext left in it). */
function openRevision<R extends { narrative: string; eventPlace: string | null; eventPlaceEncrypted: string | null }>(key: DataKey | null, { eventPlaceEncrypted, ...revision }: R) {
  return { ...revision, narrative: openNarrative(key, revision.narrative), eventPlace: openField(key, 'eventPlace', { encrypted: eventPlaceEncrypted, plain: revision.eventPlace }) };
}

/** One of the viewer's testimonies with its current revision; anyone else's is `not_found`. */
export async function getOwnTestimony(db: Db, viewer: Viewer | null, testimonyId: string) {
  const ownerId = requirePermission(viewer, 'testimony.read.own').userId;
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  // The row, its current revision, its timeline and names side by side (issue 21: three round trips
  // in sequence); the revision is found through the row by subquery, every read filtered by owner.
  const [row, [revision], events, names] = await Promise.all([
    unsafeOwnTestimony(db, ownerId, testimonyId),
    db
      .select({
        number: testimonyRevisions.number,
        relationship: testimonyRevisions.relationship,
        hand: testimonyRevisions.hand,
        narrative: testimonyRevisions.narrative,
        eventDate: testimonyRevisions.eventDate,
        eventDatePrecision: testimonyRevisions.eventDatePrecision,
        eventPlace: testimonyRevisions.eventPlace,
        eventPlaceEncrypted: testimonyRevisions.eventPlaceEncrypted,
        createdAt: testimonyRevisions.createdAt,
      })
      .from(testimonyRevisions)
      .where(sql`${testimonyRevisions.id} = (select t.current_revision_id from ${testimonies} t where t.id = ${testimonyId} and t.submitter_id = ${ownerId})`),
    timelines(db, [testimonyId]),
    aboutNames(db, [testimonyId]),
  ]);
  const key = testimonyKey(row);
  const [shown] = row.status === 'published' ? await db.select({ visibility: publishedVisibility }).from(testimonies).where(eq(testimonies.id, row.id)) : [];
  return {
    id: row.id,
    status: row.status,
    shownStatus: ownStatus(row.status, shown?.visibility ?? null),
    about: names.get(row.id) ?? (await draftNames(db, [{ id: row.id, draft: openDraft(key, row.draft) }])).get(row.id) ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    revision: revision ? openRevision(key, revision) : null,
    revisionInReview: !!row.publishedRevisionId && row.currentRevisionId !== row.publishedRevisionId,
    consent: { publish: row.consentPublish, credit: row.consentCredit, creditName: openField(key, 'creditName', { encrypted: row.creditNameEncrypted, plain: row.creditName }), mayContact: row.mayContact },
    editable: editableSteps(row.status),
    canWithdraw: row.status !== 'withdrawn' && row.status !== 'rejected',
    timeline: ownTimeline(events.get(row.id) ?? [], row.consentPublish),
  };
}
export type OwnTestimonyDetail = Awaited<ReturnType<typeof getOwnTestimony>>;
