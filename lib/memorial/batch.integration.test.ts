// The batch reads of the public projection (getPublishedPersons, getPublicTestimoniesForPersons,
// used by the static mirror) give exactly what the one-person reads give, person by person: the
// same rules, consent, minors' withheld identity, portraits, shared testimonies and their places.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { getPublicTestimoniesForPerson, getPublicTestimoniesForPersons, getPublishedPerson, getPublishedPersons, type PublicTestimony } from './';

describe.each(testDatabases())('the batch reads of the public projection on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('give what the one-person reads give', async () => {
    const db = ctx.db;
    const collectionId = await insertCollection(db);
    const submitterId = await insertUser(db);
    const a = await insertPerson(db, { collectionId, city: 'Shiraz', nameLatin: 'Batch A' });
    const b = await insertPerson(db, { collectionId, city: 'Ahvaz', nameLatin: 'Batch B' });
    const minor = await insertPerson(db, { collectionId, age: 15, nameLatin: 'Batch Minor', fatherNameLatin: 'Batch Father' });
    const hidden = await insertPerson(db, { collectionId, status: 'hidden', nameLatin: 'Batch Hidden' });
    const draft = await insertPerson(db, { collectionId, status: 'draft', nameLatin: 'Batch Draft' });
    await db.insert(s.personAliases).values([
      { personId: a.id, name: 'Batch Alias', script: 'latin', normalized: 'batch alias' },
      { personId: minor.id, name: 'Minor Alias', script: 'latin', normalized: 'minor alias' },
    ]);
    await db.insert(s.personSources).values([{ personId: a.id, url: 'https://example.org/a', title: 'A source' }, { personId: b.id, url: 'https://example.org/b', title: null }]);

    const own = await insertTestimony(db, { collectionId, submitterId, personIds: [a.id], status: 'published', redacted: 'A alone' });
    // Shared by A and B without consent to the exact place: both pages show the testimony's own place,
    // the city publishing fixed (lib/moderation/public-place.ts: the first person's by id).
    await insertTestimony(db, { collectionId, submitterId, personIds: [a.id, b.id].sort(), status: 'published', redacted: 'A and B' });
    const exact = await insertTestimony(db, { collectionId, submitterId, personIds: [a.id, b.id].sort(), status: 'published', redacted: 'Exact place' });
    await db.update(s.testimonies).set({ exactPlacePublic: true }).where(eq(s.testimonies.id, exact));
    await insertTestimony(db, { collectionId, submitterId, personIds: [a.id, hidden.id].sort(), status: 'published', redacted: 'A and hidden' });
    await insertTestimony(db, { collectionId, submitterId, personIds: [hidden.id], status: 'published', redacted: 'Hidden alone' });
    await insertTestimony(db, { collectionId, submitterId, personIds: [a.id], status: 'unpublished', redacted: 'Unpublished' });
    await insertTestimony(db, { collectionId, submitterId, personIds: [b.id], status: 'published', consentPublish: 'documentation_only', redacted: 'No consent' });
    await insertTestimony(db, { collectionId, submitterId, personIds: [minor.id], status: 'published', consentCredit: 'chosen_name', creditName: 'Named Witness', redacted: 'About the minor' });
    // A consented portrait for A, and a portrait the minor may not show yet.
    const portrait = async (testimonyId: string) => {
      const [file] = await db
        .insert(s.attachments)
        .values({ testimonyId, kind: 'image', mime: 'image/jpeg', publicMime: 'image/jpeg', sizeBytes: 10, sha256: 'x', originalKey: 'o', publicKey: 'public/x.jpg', status: 'ready', metadataRemoved: true, visibility: 'public', caption: 'Sent by Maryam, 09123456789', publicCaption: 'A photo' })
        .returning({ id: s.attachments.id });
      await db.update(s.testimonies).set({ portraitPublic: true }).where(eq(s.testimonies.id, testimonyId));
      return file!.id;
    };
    await db.update(s.persons).set({ portraitAttachmentId: await portrait(own) }).where(eq(s.persons.id, a.id));
    const [minorTestimony] = await db.select({ id: s.testimonyPersons.testimonyId }).from(s.testimonyPersons).where(eq(s.testimonyPersons.personId, minor.id));
    await db.update(s.persons).set({ portraitAttachmentId: await portrait(minorTestimony!.id) }).where(eq(s.persons.id, minor.id));

    const ids = [a.id, b.id, minor.id, hidden.id, draft.id, 'not-a-uuid'];
    const [people, testimonies] = await Promise.all([getPublishedPersons(db, ids), getPublicTestimoniesForPersons(db, ids)]);
    expect([...people.keys()].sort()).toEqual([a.id, b.id, minor.id].sort());
    expect([...testimonies.keys()].sort()).toEqual([a.id, b.id, minor.id].sort());
    for (const id of ids) {
      expect(people.get(id) ?? null).toEqual(await getPublishedPerson(db, id));
      // Every page of the one-person read, small pages so that paging is exercised.
      const paged: PublicTestimony[] = [];
      let after = null;
      do {
        const page: Awaited<ReturnType<typeof getPublicTestimoniesForPerson>> = await getPublicTestimoniesForPerson(db, id, { after, limit: 1 });
        paged.push(...page.items);
        after = page.next;
      } while (after);
      expect(testimonies.get(id) ?? []).toEqual(paged);
    }
    // The checks above compare like with like; these make sure there was something to compare.
    expect(people.get(a.id)).toMatchObject({ otherNames: ['Batch Alias'], testimonyCount: 4, portrait: { caption: 'A photo' } });
    expect(people.get(minor.id)).toMatchObject({ fatherNameLatin: null, otherNames: [], portrait: null });
    expect(testimonies.get(a.id)!.map((t) => t.narrative)).toEqual(['A alone', 'A and B', 'Exact place', 'A and hidden']);
    const shared = a.id < b.id ? 'Shiraz' : 'Ahvaz';
    expect(testimonies.get(b.id)!.find((t) => t.narrative === 'A and B')!.place).toBe(shared);
    expect(testimonies.get(a.id)!.find((t) => t.narrative === 'A and B')!.place).toBe(shared);
    expect(testimonies.get(a.id)!.find((t) => t.narrative === 'Exact place')!.place).toBe('PRIVATE exact place');
  });
});
