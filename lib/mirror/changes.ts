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
  const [direct, viaTestimonies, approvals, sources] = await Promise.all([
    db.select({ id: persons.id }).from(persons).where(gt(persons.updatedAt, since)),
    db
      .select({ id: testimonyPersons.personId })
      .from(testimonyPersons)
      .where(sql`${inArray(testimonyPersons.testimonyId, changedTestimonies)} or ${inArray(testimonyPersons.testimonyId, newFiles)}`),
    db.select({ id: personIdentityApprovals.personId }).from(personIdentityApprovals).where(gt(personIdentityApprovals.createdAt, since)),
    db.select({ id: personSources.personId }).from(personSources).where(gt(personSources.createdAt, since)),
  ]);
  return new Set([...direct, ...viaTestimonies, ...approvals, ...sources].map((r) => r.id));
}
