import 'server-only';
// A person record going public by the staff person page (status → published, first time or again
// after hiding), through the one publication rule (lib/moderation/publication.ts). What is approved
// is every public field of the record, its other names and its sources: a change after the first
// approval needs two approvals again.
import { asc, eq } from 'drizzle-orm';
import { personAliases, personSources, persons } from '@/db/schema';
import type { Tx } from '@/db/types';
import { approvePublication, type PublicationOutcome } from '@/lib/moderation/publication';

/**
 * The public content of a person record (lib/memorial/dto.ts `publicPersonKeys`, from the row),
 * published or not. Checks nothing about who asks (`unsafe`): the caller has, with lib/authz/guard.ts.
 */
export async function unsafePersonPublicContent(tx: Tx, personId: string) {
  const [p] = await tx.select().from(persons).where(eq(persons.id, personId));
  if (!p) return null;
  const [aliases, sources] = await Promise.all([
    tx.select({ name: personAliases.name }).from(personAliases).where(eq(personAliases.personId, personId)).orderBy(asc(personAliases.name)),
    tx.select({ url: personSources.url, title: personSources.title }).from(personSources).where(eq(personSources.personId, personId)).orderBy(asc(personSources.url)),
  ]);
  return {
    nameFa: p.nameFa, nameLatin: p.nameLatin, fatherNameFa: p.fatherNameFa, fatherNameLatin: p.fatherNameLatin, gender: p.gender, age: p.age, birthYear: p.birthYear,
    occupation: p.occupation, incidentDate: p.incidentDate, incidentDatePrecision: p.incidentDatePrecision, province: p.province, city: p.city, place: p.place,
    outcome: p.outcome, cause: p.cause, perpetrator: p.perpetrator, aftermath: p.aftermath, sensitiveContent: p.sensitiveContent, portraitAttachmentId: p.portraitAttachmentId,
    verification: p.verification, collectionId: p.collectionId, otherNames: aliases.map((a) => a.name), sources,
  };
}

/** Asks the rule; on `published` sets the status (the caller holds the row lock). Checks nothing about who asks (`unsafe`): the caller has, with lib/authz/guard.ts. */
export async function unsafePublishPerson(tx: Tx, actorId: string, personId: string): Promise<PublicationOutcome> {
  const outcome = await approvePublication(tx, actorId, { kind: 'person', id: personId, content: await unsafePersonPublicContent(tx, personId) });
  if (outcome === 'published') await tx.update(persons).set({ status: 'published', publishedAt: new Date() }).where(eq(persons.id, personId));
  return outcome;
}
