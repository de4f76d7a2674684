// Small builders for tests of public surfaces (statistics, open data): a collection, persons in
// every status, and testimonies in every state with a published (redacted) revision.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { publicCityOf } from '@/lib/moderation/public-place';
import { newTestimonyKey, sealField, sealNarrative } from '@/lib/testimonies/sealed';

let counter = 0;

export async function insertCollection(db: Db) {
  const [row] = await db
    .insert(s.collections)
    .values({ slug: `test-${++counter}-${Date.now()}`, nameFa: 'آزمون', nameEn: 'Test' })
    .returning({ id: s.collections.id });
  return row!.id;
}

export type PersonInput = Partial<typeof s.persons.$inferInsert> & { collectionId: string };

export async function insertPerson(db: Db, values: PersonInput) {
  const n = ++counter;
  const [row] = await db
    .insert(s.persons)
    .values({
      slug: `person-${n}-${Date.now()}`,
      nameFa: `نام ${n}`,
      nameLatin: `Name ${n}`,
      outcome: 'killed',
      status: 'published',
      publishedAt: values.status && values.status !== 'published' ? null : new Date(),
      ...values,
    })
    .returning({ id: s.persons.id, slug: s.persons.slug });
  return row!;
}

export async function insertUser(db: Db) {
  const n = ++counter;
  const [row] = await db
    .insert(s.users)
    .values({ username: `user-${n}-${Date.now()}`, usernameKey: `user-${n}-${Date.now()}`, role: 'submitter', passwordHash: 'x' })
    .returning({ id: s.users.id });
  return row!.id;
}

export type TestimonyInput = {
  collectionId: string;
  submitterId: string;
  personIds: string[];
  status: (typeof s.testimonyStatus.enumValues)[number];
  consentPublish?: 'public' | 'documentation_only';
  consentCredit?: 'anonymous' | 'relationship' | 'chosen_name';
  creditName?: string | null;
  narrative?: string;
  redacted?: string | null;
  /** Whether the testimony has a published revision (set for published/unpublished/withdrawn). */
  withPublishedRevision?: boolean;
};

export async function insertTestimony(db: Db, t: TestimonyInput) {
  const { key, wrapped } = newTestimonyKey();
  // A published revision shows, without consent to the exact place, the city publishing fixed
  // (lib/moderation/public-place.ts): here, its persons' as they are now.
  const about = t.personIds.length ? await db.select({ id: s.persons.id, status: s.persons.status, city: s.persons.city, mergedIntoId: s.persons.mergedIntoId }).from(s.persons).where(inArray(s.persons.id, t.personIds)) : [];
  const publicCity = t.withPublishedRevision === false ? null : publicCityOf(about.filter((p) => p.status === 'published'));
  const [testimony] = await db
    .insert(s.testimonies)
    .values({
      dataKey: wrapped,
      collectionId: t.collectionId,
      submitterId: t.submitterId,
      status: t.status,
      consentPublish: t.consentPublish ?? 'public',
      consentCredit: t.consentCredit ?? 'anonymous',
      creditNameEncrypted: sealField(key, 'creditName', t.creditName ?? null),
      publishedAt: t.withPublishedRevision === false ? null : new Date(),
    })
    .returning({ id: s.testimonies.id });
  const [revision] = await db
    .insert(s.testimonyRevisions)
    .values({
      testimonyId: testimony!.id,
      number: 1,
      relationship: 'mother',
      hand: 'first',
      narrative: sealNarrative(key, t.narrative ?? 'PRIVATE unredacted narrative'),
      redactedNarrative: t.redacted === undefined ? 'Redacted public narrative' : t.redacted,
      eventDate: '2019-11-16',
      eventDatePrecision: 'exact',
      eventPlaceEncrypted: sealField(key, 'eventPlace', 'PRIVATE exact place'),
      publicCity,
    })
    .returning({ id: s.testimonyRevisions.id });
  await db
    .update(s.testimonies)
    .set({
      currentRevisionId: revision!.id,
      publishedRevisionId: t.withPublishedRevision === false ? null : revision!.id,
    })
    .where(eq(s.testimonies.id, testimony!.id));
  if (t.personIds.length) {
    await db.insert(s.testimonyPersons).values(t.personIds.map((personId) => ({ testimonyId: testimony!.id, personId })));
  }
  return testimony!.id;
}

/** A testimony just submitted (not yet reviewed, contact allowed) about a new published person. */
export async function insertSubmittedTestimony(
  db: Db,
  input: { collectionId: string; submitterId: string; narrative: string; consentPublish?: 'public' | 'documentation_only'; consentCredit?: 'anonymous' | 'relationship' | 'chosen_name'; creditName?: string },
) {
  const person = await insertPerson(db, { collectionId: input.collectionId });
  const id = await insertTestimony(db, { ...input, personIds: [person.id], status: 'submitted', redacted: null, withPublishedRevision: false });
  const [row] = await db
    .update(s.testimonies)
    .set({ submittedAt: new Date(), publishedAt: null, mayContact: true })
    .where(eq(s.testimonies.id, id))
    .returning({ revisionId: s.testimonies.currentRevisionId });
  return { id, personId: person.id, revisionId: row!.revisionId! };
}
