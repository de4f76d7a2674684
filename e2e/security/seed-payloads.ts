// Seeds a fresh database (run with tsx before its server starts, on the folder YADMAN_DATA_DIR) with
// the demo data plus hostile text in every free-text column a page, the API, the feed or a CSV
// shows: persons (names, aliases, sources, places, cause, notes), testimonies (narrative, redacted
// narrative, place, chosen credit name, draft values), captions, messages and staff notes.
// Prints the ids the test visits as one JSON line. Rows are written directly: the point is how
// stored text is rendered, whatever validation let it in.
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../../db/client';
import * as s from '../../db/schema';
import { demoUsernames, seedDemo } from '../../lib/seed/demo';
import { sealText } from '../../lib/crypto/sealed-text';
import { newTestimonyKey, sealDraft, sealField, sealNarrative } from '../../lib/testimonies/sealed';
import { xssPayloads } from './xss-payloads';

export type SeededPages = { persons: { id: string; slug: string }[]; published: string[]; submitted: string[]; drafts: string[]; markers: string[] };

const chunkSize = 12;
const db = await getDb();
await seedDemo(db);
const userId = async (username: string) => (await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username)))[0]!.id;
const submitterId = await userId(demoUsernames.submitter);
const moderatorId = await userId(demoUsernames.moderator);
const [collection] = await db.select({ id: s.collections.id }).from(s.collections).limit(1);

const seeded: SeededPages = { persons: [], published: [], submitted: [], drafts: [], markers: [] };
for (let i = 0; i * chunkSize < xssPayloads.length; i++) {
  const marker = `XSSCHUNK${i}`;
  const text = [marker, ...xssPayloads.slice(i * chunkSize, (i + 1) * chunkSize)].join('\n');
  seeded.markers.push(marker);
  const [person] = await db
    .insert(s.persons)
    .values({
      collectionId: collection!.id, slug: `xss-${i}`, nameFa: text, nameLatin: text, fatherNameFa: text, fatherNameLatin: text,
      occupation: text, city: text, place: text, cause: text, verificationNote: text, outcome: 'killed', status: 'published',
      publishedAt: new Date(), incidentDate: '2019-11-16', province: 'IR-23', nameSearch: marker.toLowerCase(), createdBy: moderatorId,
    })
    .returning({ id: s.persons.id, slug: s.persons.slug });
  seeded.persons.push(person!);
  await db.insert(s.personAliases).values({ personId: person!.id, name: text, script: 'latin', normalized: marker.toLowerCase() });
  await db.insert(s.notes).values({ personId: person!.id, authorId: moderatorId, ...sealText('note', text) });
  await db.insert(s.personSources).values([
    { personId: person!.id, url: `javascript:window.__xss=1//${i}`, title: text },
    { personId: person!.id, url: `data:text/html,<script>window.__xss=1</script>${i}`, title: null },
  ]);

  const testimony = async (status: 'published' | 'submitted' | 'draft') => {
    const { key, wrapped } = newTestimonyKey();
    const [row] = await db
      .insert(s.testimonies)
      .values({
        collectionId: collection!.id, submitterId, status, consentPublish: 'public', consentCredit: 'chosen_name', creditNameEncrypted: sealField(key, 'creditName', text),
        submittedAt: status === 'draft' ? null : new Date(), publishedAt: status === 'published' ? new Date() : null,
        dataKey: wrapped,
        draft: sealDraft(key, { about: { newNameFa: text, newNameLatin: text, newCity: text, newCause: text }, account: { narrative: text, eventPlace: text }, consent: { creditName: text } }),
      })
      .returning({ id: s.testimonies.id });
    const [revision] = await db
      .insert(s.testimonyRevisions)
      .values({ testimonyId: row!.id, number: 1, relationship: 'eyewitness', hand: 'first', narrative: sealNarrative(key, text), redactedNarrative: text, eventDate: '2019-11-16', eventDatePrecision: 'exact', eventPlaceEncrypted: sealField(key, 'eventPlace', text), createdBy: submitterId })
      .returning({ id: s.testimonyRevisions.id });
    await db
      .update(s.testimonies)
      .set({ currentRevisionId: revision!.id, publishedRevisionId: status === 'published' ? revision!.id : null })
      .where(eq(s.testimonies.id, row!.id));
    await db.insert(s.testimonyPersons).values({ testimonyId: row!.id, personId: person!.id });
    await db.insert(s.attachments).values({ testimonyId: row!.id, uploadedBy: submitterId, kind: 'document', mime: 'application/pdf', sizeBytes: 10, sha256: '0'.repeat(64), status: 'ready', caption: text });
    await db.insert(s.messages).values([{ testimonyId: row!.id, authorId: moderatorId, ...sealText('message', text) }, { testimonyId: row!.id, authorId: submitterId, ...sealText('message', text) }]);
    await db.insert(s.notes).values({ testimonyId: row!.id, authorId: moderatorId, ...sealText('note', text) });
    return row!.id;
  };
  seeded.published.push(await testimony('published'));
  seeded.submitted.push(await testimony('submitted'));
  seeded.drafts.push(await testimony('draft'));
}
await closeDb();
console.log(JSON.stringify(seeded));
