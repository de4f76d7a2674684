import 'server-only';
// Everything the review screen shows, as one DTO (PRODUCT.md §1, moderator): the current revision
// and the previous one (for the diff), consent, who holds the claim, the persons it concerns with
// their other testimonies, likely duplicate persons, and staff notes. Drafts are the submitter's
// alone: staff get `not_found`, like for an id that does not exist.
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { notes, persons, testimonies, testimonyApprovals, testimonyFlags, testimonyPersons, testimonyRevisions, users } from '@/db/schema';
import { queryRows } from '@/db/rows';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { recordView } from '@/lib/audit/views';
import type { Viewer } from '@/lib/auth/sessions';
import { openRows, sealText } from '@/lib/crypto/sealed-text';
import { AppError } from '@/lib/errors';
import type { PublicTestimony } from '@/lib/memorial/dto';
import { publishedVisibility, type PublishedVisibility } from '@/lib/memorial/visibility';
import { similarName } from '@/lib/search/name-match';
import { searchKeys } from '@/lib/search/normalize';
import { openField, openNarrative, testimonyKey } from '@/lib/testimonies/sealed';
import { isUuid } from '@/lib/validation/uuid';
import { requirePermission } from '@/lib/authz/guard';
import { carryRedactions, shownRedaction } from './carry-redactions';
import { claimExpiry, hasRevisionInReview } from './claims';

export type ReviewPerson = { id: string; nameFa: string; nameLatin: string | null; status: string; city: string | null; otherTestimonies: { id: string; status: string }[] };

export type ReviewDto = {
  id: string;
  status: string;
  language: string;
  isOwn: boolean;
  claim: { holder: string | null; heldByViewer: boolean; expired: boolean } | null;
  consent: { publish: string; credit: string; creditName: string | null; portraitPublic: boolean; exactPlacePublic: boolean; mayContact: boolean };
  revision: { id: string; number: number; narrative: string; redactedNarrative: string | null; redactionVersion: number; relationship: string; hand: string; eventDate: string | null; eventDatePrecision: PublicTestimony['eventDatePrecision']; eventPlace: string | null } | null;
  /** The text to diff against: the published revision for an edit, else the previous revision. */
  previousNarrative: string | null;
  /**
   * A new version sent after "changes requested", when the moderator had saved a redaction of the
   * one before (walk finding: the box showed the raw new text, the earlier work silently gone): that
   * redaction, its version's number, and the new text with the same redactions applied where the
   * removed words still occur (lib/moderation/carry-redactions.ts). Null otherwise.
   */
  earlierRedaction: { number: number; text: string; carried: string } | null;
  /** Published, and its submitter sent a newer revision (the published one stays public meanwhile). */
  revisionInReview: boolean;
  /** Four-eyes approvals of the current revision, oldest first; the first one's text is what publishes. */
  approvals: { moderator: string | null; byViewer: boolean; at: Date }[];
  approvedText: string | null;
  /** Possible coordinated submission: near-identical testimonies from other accounts. */
  similar: { id: string; similarity: number }[];
  persons: ReviewPerson[];
  duplicates: { id: string; nameFa: string; nameLatin: string | null; status: string; about: string }[];
  notes: { id: string; body: string; author: string | null; createdAt: Date }[];
  rejectReason: string | null;
  submittedAt: Date | null;
  /** When the testimony was first published (null until then). */
  publishedAt: Date | null;
  /**
   * The text readers see (or saw, once taken down) and its revision: what a correction starts from
   * and names as the version it was made on (lib/moderation/correction.ts).
   */
  published: { revisionId: string; text: string } | null;
  /** While published: whether readers can find it, or why not (a detached person, documentation only). */
  visibility: PublishedVisibility | null;
};


/**
 * The review screen's data. Opening it is a view of protected material (PRODUCT.md §2.7): one audit
 * entry per call, naming the testimony and its status, never its text. Server-side reads that show
 * nothing to anyone (an existence check, applying redaction spans) pass `{ record: false }`.
 */
export async function getReview(db: Db, viewer: Viewer | null, testimonyId: string, options: { record?: boolean } = {}): Promise<ReviewDto> {
  const actor = requirePermission(viewer, 'testimony.read.any');
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  // Every read that needs only the testimony's id, side by side with the row itself (issue 21: the
  // row, then these, then the persons' other testimonies were three round trips in sequence); those
  // that depend on the row's columns read them by subquery. A draft or a missing row reads nothing.
  const visible = sql`exists (select 1 from ${testimonies} v where v.id = ${testimonyId} and v.status <> 'draft')`;
  const byRow = (column: 'current_revision_id' | 'published_revision_id') => sql`(select v.${sql.identifier(column)} from ${testimonies} v where v.id = ${testimonyId})`;
  const [[t], revisions, publishedRows, approvalRows, similar, linked, noteRows, others] = await Promise.all([
    db
      .select({ t: testimonies, holder: users.username, visibility: publishedVisibility })
      .from(testimonies)
      .leftJoin(users, eq(users.id, testimonies.claimedBy))
      .where(eq(testimonies.id, testimonyId)),
    db.select().from(testimonyRevisions).where(and(eq(testimonyRevisions.testimonyId, testimonyId), visible)).orderBy(desc(testimonyRevisions.number)).limit(2),
    db
      .select({ id: testimonyRevisions.id, narrative: testimonyRevisions.narrative, redactedNarrative: testimonyRevisions.redactedNarrative })
      .from(testimonyRevisions)
      .where(and(sql`${testimonyRevisions.id} = ${byRow('published_revision_id')}`, eq(testimonyRevisions.testimonyId, testimonyId), visible)),
    db
      .select({ moderatorId: testimonyApprovals.moderatorId, moderator: users.username, at: testimonyApprovals.createdAt })
      .from(testimonyApprovals)
      .leftJoin(users, eq(users.id, testimonyApprovals.moderatorId))
      .where(and(sql`${testimonyApprovals.revisionId} = ${byRow('current_revision_id')}`, visible))
      .orderBy(asc(testimonyApprovals.createdAt)),
    db
      .select({ id: testimonyFlags.relatedTestimonyId, similarity: testimonyFlags.similarity })
      .from(testimonyFlags)
      .where(and(eq(testimonyFlags.testimonyId, testimonyId), visible))
      .orderBy(desc(testimonyFlags.similarity))
      .limit(20),
    db
      .select({ id: persons.id, nameFa: persons.nameFa, nameLatin: persons.nameLatin, status: persons.status, city: persons.city })
      .from(testimonyPersons)
      .innerJoin(persons, eq(persons.id, testimonyPersons.personId))
      .where(and(eq(testimonyPersons.testimonyId, testimonyId), visible))
      .orderBy(asc(persons.nameFa)),
    db
      .select({ id: notes.id, body: notes.body, dataKey: notes.dataKey, author: users.username, createdAt: notes.createdAt })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorId))
      .where(and(eq(notes.testimonyId, testimonyId), visible))
      .orderBy(asc(notes.createdAt)),
    // The other testimonies of the persons it concerns.
    db
      .select({ personId: testimonyPersons.personId, id: testimonies.id, status: testimonies.status })
      .from(testimonyPersons)
      .innerJoin(testimonies, eq(testimonies.id, testimonyPersons.testimonyId))
      .where(
        and(
          sql`${testimonyPersons.personId} in (select mine.person_id from ${testimonyPersons} mine where mine.testimony_id = ${testimonyId})`,
          ne(testimonies.id, testimonyId),
          ne(testimonies.status, 'draft'),
          visible,
        ),
      ),
  ]);
  if (!t || t.t.status === 'draft') throw new AppError('not_found');
  const row = t.t;
  const key = testimonyKey(row);
  const revisionInReview = hasRevisionInReview(row);
  // Read with the rest; used only while an edit of a published testimony waits.
  const [published] = revisionInReview ? publishedRows : [];
  const current = revisions.find((r) => r.id === row.currentRevisionId) ?? null;
  // The approvals of the current revision (read by its id from the row, with the revisions).
  const approvals = current ? approvalRows : [];
  // The moderator's unpublished redaction (encrypted), else the text this revision was published
  // with, else (an edit of a published testimony) the new text with the published removals carried.
  const original = current ? openNarrative(key, current.narrative) : null;
  const redaction = current
    ? shownRedaction(
        { original: original!, draft: current.redactionDraft ? openNarrative(key, current.redactionDraft) : null, redacted: current.redactedNarrative },
        published ? { original: openNarrative(key, published.narrative), redacted: published.redactedNarrative } : null,
      )
    : null;
  const previous = published ?? revisions.find((r) => r.id !== row.currentRevisionId) ?? null;
  const [duplicates] = await Promise.all([
    likelyDuplicates(db, linked),
    // The view's audit entry (a statement of its own) is written beside these last reads rather
    // than before them: nothing is returned until it has committed, as before.
    options.record !== false
      ? recordView(db, { actorId: actor.userId, kind: 'review', targetType: 'testimony', targetId: row.id, details: { status: row.status, revision: current?.number ?? null } })
      : undefined,
  ]);

  return {
    id: row.id,
    status: row.status,
    language: row.language,
    isOwn: row.submitterId === actor.userId,
    claim: row.status === 'in_review' || (revisionInReview && row.claimedBy) ? { holder: t.holder, heldByViewer: row.claimedBy === actor.userId, expired: !row.claimedAt || row.claimedAt <= claimExpiry() } : null,
    consent: { publish: row.consentPublish, credit: row.consentCredit, creditName: openField(key, 'creditName', { encrypted: row.creditNameEncrypted, plain: row.creditName }), portraitPublic: row.portraitPublic, exactPlacePublic: row.exactPlacePublic, mayContact: row.mayContact },
    revision: current && { id: current.id, number: current.number, narrative: original!, redactedNarrative: redaction, redactionVersion: current.redactionVersion, relationship: current.relationship, hand: current.hand, eventDate: current.eventDate, eventDatePrecision: current.eventDatePrecision, eventPlace: openField(key, 'eventPlace', { encrypted: current.eventPlaceEncrypted, plain: current.eventPlace }) },
    previousNarrative: previous ? openNarrative(key, previous.narrative) : null,
    earlierRedaction: published || current?.redactedNarrative ? null : earlierRedaction(key, revisions.find((r) => r.id !== row.currentRevisionId) ?? null, original),
    revisionInReview,
    // Only while the approvals still decide something (awaiting the second one).
    approvals: (row.status === 'awaiting_approval' || revisionInReview ? approvals : []).map((a) => ({ moderator: a.moderator, byViewer: a.moderatorId === actor.userId, at: a.at })),
    // The text approved once, waiting for a second approval: the draft, fixed since that approval.
    approvedText: (row.status === 'awaiting_approval' || revisionInReview) && approvals.length > 0 ? redaction : null,
    similar,
    persons: linked.map((p) => ({ ...p, otherTestimonies: others.filter((o) => o.personId === p.id).map(({ id, status }) => ({ id, status })) })),
    duplicates,
    notes: openRows('note', noteRows),
    rejectReason: row.rejectReason,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    published: publishedRows[0]?.redactedNarrative ? { revisionId: publishedRows[0].id, text: publishedRows[0].redactedNarrative } : null,
    visibility: row.status === 'published' ? t.visibility : null,
  };
}

/**
 * Other persons whose names match a linked person's, with the public search's spelling folding: up
 * to five per name searched (each linked person's Persian and Latin names, the first five persons).
 * One statement for every name (issue 21: a round trip per name, up to ten): a UNION ALL of one
 * branch per name rather than a join to a list of names, so each branch is planned with its own
 * keys and keeps the trigram index (joined to a VALUES list, the planner scanned every person).
 */
async function likelyDuplicates(db: Db, linked: { id: string; nameFa: string; nameLatin: string | null }[]) {
  const searches = linked.slice(0, 5).flatMap((p) =>
    [p.nameFa, p.nameLatin]
      .filter((n): n is string => !!n)
      .map((name) => ({ p, keys: searchKeys(name) }))
      .filter(({ keys }) => !!keys.normalized),
  );
  if (searches.length === 0) return [];
  const branches = searches.map(({ p, keys }, i) =>
    sql`(select ${i}::int as search, ${persons.id}, ${persons.nameFa}, ${persons.nameLatin}, ${persons.status} from ${persons}
      where ${persons.id} <> ${p.id} and ${persons.mergedIntoId} is null and ${similarName(persons.nameSearch, keys)} limit 5)`,
  );
  const rows = await queryRows<{ search: number; id: string; name_fa: string; name_latin: string | null; status: string }>(
    db,
    sql`select * from (${sql.join(branches, sql` union all `)}) found order by search`,
  );
  // Merged in the same order as before (person by person, name by name), each person once.
  const found: ReviewDto['duplicates'] = [];
  for (const r of rows) {
    if (!found.some((f) => f.id === r.id) && !linked.some((l) => l.id === r.id)) found.push({ id: r.id, nameFa: r.name_fa, nameLatin: r.name_latin, status: r.status, about: searches[r.search]!.p.id });
  }
  return found;
}

/** An internal note on a testimony: staff only, audited (without its text). */
export async function addTestimonyNote(db: Db, viewer: Viewer | null, input: { testimonyId: string; body: string }): Promise<string> {
  const actor = requirePermission(viewer, 'note.write');
  const body = input.body.trim();
  if (!body || body.length > 5000) throw new AppError('invalid_input', { fieldErrors: { body: body ? 'invalid' : 'required' } });
  await getReview(db, viewer, input.testimonyId, { record: false }); // existence and not-a-draft, the same rule as reading
  return db.transaction(async (tx) => {
    const [note] = await tx.insert(notes).values({ testimonyId: input.testimonyId, authorId: actor.userId, ...sealText('note', body) }).returning({ id: notes.id });
    await appendAudit(tx, { actorId: actor.userId, action: 'note.add', targetType: 'testimony', targetId: input.testimonyId, details: { noteId: note!.id } });
    return note!.id;
  });
}

/** See `ReviewDto.earlierRedaction`: the previous revision's saved draft, carried to `original`. */
function earlierRedaction(key: ReturnType<typeof testimonyKey>, previous: { number: number; narrative: string; redactionDraft: string | null } | null, original: string | null): ReviewDto['earlierRedaction'] {
  if (!previous?.redactionDraft || original === null) return null;
  const before = openNarrative(key, previous.narrative);
  const text = openNarrative(key, previous.redactionDraft);
  return { number: previous.number, text, carried: carryRedactions(before, text, original) };
}
