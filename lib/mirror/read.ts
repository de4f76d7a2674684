// What the mirror reads: only the public projection (lib/memorial) and the public media rule
// (lib/media/serve.ts, asked as an anonymous reader) — the visibility rules live there, once.
import 'server-only';
import type { Db } from '@/db/types';
import { findServableMedia } from '@/lib/media/serve';
import { collect } from '@/lib/media/storage';
import { getPublicTestimoniesForPerson, getPublicTestimoniesForPersons, getPublishedPerson, getPublishedPersons, type PublicPerson, type PublicTestimony } from '@/lib/memorial';
import type { TestimonyCursor } from '@/lib/memorial/testimonies';

export type PersonRecord = { person: PublicPerson; testimonies: PublicTestimony[] };

/** A public person with all their public testimonies (page by page), or null when not public. */
export async function readPersonRecord(db: Db, id: string): Promise<PersonRecord | null> {
  const person = await getPublishedPerson(db, id);
  if (!person) return null;
  const testimonies: PublicTestimony[] = [];
  let after: TestimonyCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof getPublicTestimoniesForPerson>> = await getPublicTestimoniesForPerson(db, id, { after, limit: 1000 });
    testimonies.push(...page.items);
    after = page.next;
  } while (after);
  return { person, testimonies };
}

/** Many persons' records at once (a few statements per batch, not per person); the non-public are absent. */
export async function readPersonRecords(db: Db, ids: readonly string[]): Promise<Map<string, PersonRecord>> {
  const [people, testimonies] = await Promise.all([getPublishedPersons(db, ids), getPublicTestimoniesForPersons(db, ids)]);
  const records = new Map<string, PersonRecord>();
  for (const [id, person] of people) records.set(id, { person, testimonies: testimonies.get(id) ?? [] });
  return records;
}

/** The bytes an anonymous reader of the site would get for this attachment, or null. */
export async function readPublicMedia(db: Db, attachmentId: string): Promise<{ bytes: Buffer; filename: string } | null> {
  const media = await findServableMedia(db, null, attachmentId);
  if (!media || !media.isPublic) return null;
  const bytes = Buffer.isBuffer(media.body) ? media.body : await collect(media.body);
  return { bytes, filename: media.filename };
}
