// Which persons an incremental export must read again: any whose row, testimonies, identity
// approvals, sources or files changed since the previous export. This only narrows what is read;
// what is shown is still decided by the public projection alone (a touched person whose page did
// not change is not rewritten). Rows are stamped by the application (updatedAt, createdAt), so a
// change made by hand in SQL needs a full export (`--full`).
import 'server-only';
import { gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { attachments, personIdentityApprovals, persons, personSources, testimonies, testimonyPersons } from '@/db/schema';

export async function personsTouchedSince(db: Db, since: Date): Promise<Set<string>> {
  const changedTestimonies = db.select({ id: testimonies.id }).from(testimonies).where(gt(testimonies.updatedAt, since));
  const newFiles = db.select({ id: attachments.testimonyId }).from(attachments).where(gt(attachments.createdAt, since));
  const changedPersons = db.select({ id: persons.id }).from(persons).where(gt(persons.updatedAt, since));
  // A testimony is listed in the open data under its first public person; when that person leaves,
  // the others it is about take it over, so they are read again too.
  const sharedTestimonies = db.select({ id: testimonyPersons.testimonyId }).from(testimonyPersons).where(inArray(testimonyPersons.personId, changedPersons));
  const [direct, coPersons, viaTestimonies, approvals, sources] = await Promise.all([
    changedPersons,
    db.select({ id: testimonyPersons.personId }).from(testimonyPersons).where(inArray(testimonyPersons.testimonyId, sharedTestimonies)),
    db
      .select({ id: testimonyPersons.personId })
      .from(testimonyPersons)
      .where(sql`${inArray(testimonyPersons.testimonyId, changedTestimonies)} or ${inArray(testimonyPersons.testimonyId, newFiles)}`),
    db.select({ id: personIdentityApprovals.personId }).from(personIdentityApprovals).where(gt(personIdentityApprovals.createdAt, since)),
    db.select({ id: personSources.personId }).from(personSources).where(gt(personSources.createdAt, since)),
  ]);
  return new Set([...direct, ...coPersons, ...viaTestimonies, ...approvals, ...sources].map((r) => r.id));
}
