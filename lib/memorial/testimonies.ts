// Public testimonies: only published, consented ones, showing only the published (redacted)
// revision, credited exactly as the submitter chose.
import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { getPublicSummary } from '@/lib/statistics/summary';
import type { DbOrTx } from '@/db/types';
import { attachments, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { publicMediaPath, type PublicAttachment, type PublicCredit, type PublicTestimony, type Relationship } from './dto';
import { openField, testimonyKey } from '@/lib/testimonies/sealed';
import { identityWithheld, withheldSlug } from './minors';
import { iso } from './summary';
import { gregorianToSolarHijri } from '@/lib/i18n/solar-hijri';
import { isPublicPerson, isPublicTestimony, testimonyHasPublicPerson } from './visibility';
import { isUuid } from '@/lib/validation/uuid';

type CreditInput = {
  consentCredit: 'anonymous' | 'relationship' | 'chosen_name';
  creditName: string | null;
  relationship: Relationship;
  submittedAt: Date | string | null;
  publishedAt: Date | string | null;
};

/** "Testimony of his mother, 2020": the relationship or name only when consented; else anonymous. */
export function publicCredit(t: CreditInput): PublicCredit {
  const when = t.submittedAt ?? t.publishedAt;
  const day = when === null ? null : new Date(when).toISOString().slice(0, 10);
  // The same day's year in both calendars: a Persian card reads «روایت مادرش، ۱۴۰۵», not ۲۰۲۶.
  const year = day === null ? null : Number(day.slice(0, 4));
  const yearSolarHijri = day === null ? null : gregorianToSolarHijri(day).year;
  if (t.consentCredit === 'relationship') return { kind: 'relationship', relationship: t.relationship, year, yearSolarHijri };
  const name = t.creditName?.trim();
  // A chosen-name credit without a name falls back to the most protective choice.
  if (t.consentCredit === 'chosen_name' && name) return { kind: 'name', name, year, yearSolarHijri };
  return { kind: 'anonymous' };
}

/** How many testimonies a person's page shows at once. */
export const personPageSize = 20;

/**
 * A published person's published testimonies, oldest first, one page at a time by keyset (`after`
 * the last one of the previous page): a person with hundreds of accounts costs a page, not all of
 * them. An empty page for any non-public person.
 */
export async function getPublicTestimoniesForPerson(
  db: DbOrTx,
  personId: string,
  { after = null, limit = personPageSize }: { after?: TestimonyCursor | null; limit?: number } = {},
): Promise<TestimonyPage> {
  const safeLimit = Math.min(Math.max(Math.trunc(limit) || personPageSize, 1), 1000);
  const none = { items: [], limit: safeLimit, next: null };
  if (!isUuid(personId)) return none;
  const [person] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), isPublicPerson));
  if (!person) return none;
  const about = sql`exists (select 1 from ${testimonyPersons} tp where tp.testimony_id = ${testimonies.id} and tp.person_id = ${personId})`;
  const rows = await selectPublicTestimonies(db, { where: and(about, after ? laterThan(after) : undefined), order: 'oldest', limit: safeLimit + 1 });
  return page(rows, safeLimit);
}

/**
 * Every public testimony of each of the given public persons, oldest first, as
 * getPublicTestimoniesForPerson gives them page after page (the static mirror reads hundreds of
 * persons per batch): one statement for the batch. A testimony about two of them is listed under
 * each, the same (its place is its own, fixed when it was published). Non-public or unknown
 * persons get no entry.
 */
export async function getPublicTestimoniesForPersons(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, PublicTestimony[]>> {
  const result = new Map<string, PublicTestimony[]>();
  const wanted = [...new Set(personIds.filter(isUuid))];
  if (wanted.length === 0) return result;
  const people = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(inArray(persons.id, wanted), isPublicPerson));
  if (people.length === 0) return result;
  for (const p of people) result.set(p.id, []);
  const about = inArray(testimonies.id, db.select({ id: testimonyPersons.testimonyId }).from(testimonyPersons).where(inArray(testimonyPersons.personId, people.map((p) => p.id))));
  const rows = await selectPublicTestimonies(db, { where: about, order: 'oldest' });
  for (const { testimony } of rows) {
    for (const personId of testimony.personIds) result.get(personId)?.push(testimony);
  }
  return result;
}

/** Where the next page of testimonies starts: the last item's publication instant (exact, in µs) and id. */
export type TestimonyCursor = { at: string | null; id: string };
export type TestimonyPage = { items: PublicTestimony[]; limit: number; next: TestimonyCursor | null };

/**
 * All public testimonies (or one public person's), newest first, one page at a time by keyset:
 * each page starts after the cursor of the previous one, so page 20,000 costs what page 1 costs
 * (no OFFSET) and a publication meanwhile never shifts or repeats items.
 */
export async function listPublicTestimonies(
  db: DbOrTx,
  { after = null, limit = 50, personId, collectionId }: { after?: TestimonyCursor | null; limit?: number; personId?: string; /** Only this collection's testimonies. */ collectionId?: string } = {},
): Promise<TestimonyPage> {
  const safeLimit = Math.min(Math.max(Math.trunc(limit) || 50, 1), 1000);
  if (personId !== undefined && !isUuid(personId)) return { items: [], limit: safeLimit, next: null };
  const about = personId === undefined ? undefined : sql`exists (select 1 from ${testimonyPersons} tp join ${persons} on ${persons.id} = tp.person_id
    where tp.testimony_id = ${testimonies.id} and tp.person_id = ${personId} and ${isPublicPerson})`;
  const inCollection = collectionId === undefined ? undefined : eq(testimonies.collectionId, collectionId);
  const rows = await selectPublicTestimonies(db, { where: and(about, inCollection, after ? afterCursor(after) : undefined), order: 'newest', limit: safeLimit + 1 });
  return page(rows, safeLimit);
}

/**
 * How many testimonies listPublicTestimonies lists on all its pages: exact, from the pre-aggregated
 * public totals (lib/statistics/summary.ts) for all of them, or counted for one public person.
 */
export async function countPublicTestimonies(db: Db, personId?: string): Promise<number> {
  if (personId === undefined) return (await getPublicSummary(db)).testimoniesPublished;
  if (!isUuid(personId)) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(testimonies)
    .where(
      and(
        isPublicTestimony,
        sql`exists (select 1 from ${testimonyPersons} tp join ${persons} on ${persons.id} = tp.person_id
          where tp.testimony_id = ${testimonies.id} and tp.person_id = ${personId} and ${isPublicPerson})`,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Where a public testimony is read: the page of its first public person (by id, as personIds
 * orders them) that shows it first — the person's first page when it is among the first
 * `personPageSize`, else the page after the testimony just before it. Null when it is not public
 * (unknown, malformed and unpublished ids alike). The person's slug is the public one, so a
 * withheld minor's name never reaches a redirect.
 */
export async function publicTestimonyLocation(db: DbOrTx, id: string): Promise<{ person: { id: string; slug: string }; after: TestimonyCursor | null } | null> {
  if (!isUuid(id)) return null;
  const at = sql<string>`to_char(${testimonies.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const [row] = await db
    .select({ at })
    .from(testimonies)
    .where(and(eq(testimonies.id, id), isPublicTestimony, testimonyHasPublicPerson, isNotNull(testimonies.publishedAt)));
  if (!row) return null;
  const [person] = await db
    .select({ id: persons.id, slug: persons.slug, withheld: identityWithheld })
    .from(testimonyPersons)
    .innerJoin(persons, eq(persons.id, testimonyPersons.personId))
    .where(and(eq(testimonyPersons.testimonyId, id), isPublicPerson))
    .orderBy(asc(persons.id))
    .limit(1);
  if (!person) return null;
  const about = sql`exists (select 1 from ${testimonyPersons} tp where tp.testimony_id = ${testimonies.id} and tp.person_id = ${person.id})`;
  // Earlier in the page's order (published_at asc, id asc): the ones before it on the person's pages.
  const earlier = sql`(${testimonies.publishedAt} < ${row.at}::timestamptz or (${testimonies.publishedAt} = ${row.at}::timestamptz and ${testimonies.id} < ${id}))`;
  const before = await db
    .select({ id: testimonies.id, at })
    .from(testimonies)
    .where(and(isPublicTestimony, about, earlier))
    .orderBy(desc(testimonies.publishedAt), desc(testimonies.id))
    .limit(personPageSize);
  const slug = person.withheld ? withheldSlug : person.slug;
  return { person: { id: person.id, slug }, after: before.length < personPageSize ? null : { at: before[0]!.at, id: before[0]!.id } };
}

/** A page of `limit` from `limit + 1` rows: the extra row only says there is a next page. */
function page(rows: Array<{ testimony: PublicTestimony; cursorAt: string | null }>, limit: number): TestimonyPage {
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items.at(-1)! : null;
  return { items: items.map((r) => r.testimony), limit, next: last && { at: last.cursorAt, id: last.testimony.id } };
}

// The order is (published_at desc nulls last, id desc); "after" means later in that order.
function afterCursor(c: TestimonyCursor): SQL {
  if (c.at === null) return sql`(${testimonies.publishedAt} is null and ${testimonies.id} < ${c.id})`;
  return sql`(${testimonies.publishedAt} < ${c.at}::timestamptz
    or (${testimonies.publishedAt} = ${c.at}::timestamptz and ${testimonies.id} < ${c.id})
    or ${testimonies.publishedAt} is null)`;
}

// The order is (published_at asc nulls last, id asc); "later" means after the cursor in that order.
function laterThan(c: TestimonyCursor): SQL {
  if (c.at === null) return sql`(${testimonies.publishedAt} is null and ${testimonies.id} > ${c.id})`;
  return sql`(${testimonies.publishedAt} > ${c.at}::timestamptz
    or (${testimonies.publishedAt} = ${c.at}::timestamptz and ${testimonies.id} > ${c.id})
    or ${testimonies.publishedAt} is null)`;
}

type SelectOptions = { where?: SQL; order: 'oldest' | 'newest'; limit?: number };

async function selectPublicTestimonies(db: DbOrTx, o: SelectOptions): Promise<Array<{ testimony: PublicTestimony; cursorAt: string | null }>> {
  // The public persons each testimony is about.
  const linked = sql<string[]>`coalesce((select array_agg(${persons.id}::text order by ${persons.id}) from ${testimonyPersons} tp
    join ${persons} on ${persons.id} = tp.person_id
    where tp.testimony_id = ${testimonies.id} and ${isPublicPerson}), '{}')`;
  let query = db
    .select({
      id: testimonies.id,
      language: testimonies.language,
      consentCredit: testimonies.consentCredit,
      creditName: testimonies.creditName,
      creditNameEncrypted: testimonies.creditNameEncrypted,
      dataKey: testimonies.dataKey,
      exactPlacePublic: testimonies.exactPlacePublic,
      submittedAt: testimonies.submittedAt,
      publishedAt: testimonies.publishedAt,
      relationship: testimonyRevisions.relationship,
      hand: testimonyRevisions.hand,
      redactedNarrative: testimonyRevisions.redactedNarrative,
      eventDate: testimonyRevisions.eventDate,
      eventDatePrecision: testimonyRevisions.eventDatePrecision,
      eventPlace: testimonyRevisions.eventPlace,
      eventPlaceEncrypted: testimonyRevisions.eventPlaceEncrypted,
      personIds: linked,
      publicCity: testimonyRevisions.publicCity,
      // The instant to the microsecond (a JS Date keeps only milliseconds), for keyset cursors.
      cursorAt: sql<string | null>`to_char(${testimonies.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(testimonies)
    // Always the published revision: a newer revision in review is never shown.
    .innerJoin(testimonyRevisions, eq(testimonyRevisions.id, testimonies.publishedRevisionId))
    .where(and(isPublicTestimony, testimonyHasPublicPerson, o.where))
    .orderBy(
      ...(o.order === 'oldest'
        ? [asc(testimonies.publishedAt), asc(testimonies.id)]
        : [sql`${testimonies.publishedAt} desc nulls last`, desc(testimonies.id)]),
    )
    .$dynamic();
  if (o.limit !== undefined) query = query.limit(o.limit);
  const rows = await query;
  const files = await publicAttachments(db, rows.map((r) => r.id));

  return rows.map((r) => {
    // The name and the exact place are opened only when the submitter consented to show them.
    const named = r.consentCredit === 'chosen_name';
    const key = named || r.exactPlacePublic ? testimonyKey(r) : null;
    const testimony: PublicTestimony = {
      id: r.id,
      personIds: [...r.personIds],
      language: r.language,
      hand: r.hand,
      credit: publicCredit({ ...r, creditName: named ? openField(key, 'creditName', { encrypted: r.creditNameEncrypted, plain: r.creditName }) : null }),
      // The text moderation approved (publishing always stores it, redacted or as written). The
      // submitter's own narrative is encrypted and never read here.
      narrative: r.redactedNarrative ?? '',
      eventDate: r.eventDate,
      eventDatePrecision: r.eventDatePrecision,
      // Without consent, the person's city as it was when this revision was published (never read
      // live from the person: editing a person must not change a published testimony unseen).
      place: r.exactPlacePublic ? openField(key, 'eventPlace', { encrypted: r.eventPlaceEncrypted, plain: r.eventPlace }) : r.publicCity,
      attachments: files.get(r.id) ?? [],
      publishedAt: iso(r.publishedAt),
    };
    return { cursorAt: r.cursorAt, testimony };
  });
}

/**
 * Public, metadata-stripped files of the given testimonies. The files' own rules only: callers
 * check that the testimonies are public (or, for the staff preview, about to be).
 */
export async function publicAttachments(db: DbOrTx, testimonyIds: string[]): Promise<Map<string, PublicAttachment[]>> {
  const byTestimony = new Map<string, PublicAttachment[]>();
  if (testimonyIds.length === 0) return byTestimony;
  const rows = await db
    .select({
      id: attachments.id,
      testimonyId: attachments.testimonyId,
      kind: attachments.kind,
      // The type readers get is the derivative's (a HEIC original is served as JPEG).
      mime: attachments.publicMime,
      // Only the caption a moderator wrote for readers, never the submitter's (lib/media/captions.ts).
      caption: sql<string | null>`nullif(${attachments.publicCaption}, '')`,
    })
    .from(attachments)
    .where(
      and(
        inArray(attachments.testimonyId, testimonyIds),
        eq(attachments.visibility, 'public'),
        eq(attachments.metadataRemoved, true),
        isNotNull(attachments.publicKey),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const a of rows) {
    const list = byTestimony.get(a.testimonyId!) ?? [];
    list.push({ id: a.id, src: publicMediaPath(a.id), caption: a.caption, kind: a.kind, mime: a.mime! });
    byTestimony.set(a.testimonyId!, list);
  }
  return byTestimony;
}
