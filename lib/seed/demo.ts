// Demo data for evaluation instances. No `server-only`: run by `npm run db:seed -- --demo` too.
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { hashPassphrase } from '../auth/passphrase';
import { seal, sealPurposes } from '../crypto/secret-box';
import { sealText } from '../crypto/sealed-text';
import { publicCityOf } from '../moderation/public-place';
import { nameSearchText } from '../search/normalize';
import { newTestimonyKey, sealField, sealNarrative } from '../testimonies/sealed';
import * as s from '../../db/schema';
import type { Db, Tx } from '../../db/types';
import { demoPersonId, demoPersons } from './demo-persons';
import { demoTestimonies } from './demo-testimonies';

import { demoPassphrase, demoTotpSecret, demoUsernames } from './demo-credentials';

export { demoPassphrase, demoTotpSecret, demoUsernames };

const seedLockKey = 7_391_004_213;
const day = 86_400_000;

export type SeedResult = { seeded: boolean; persons: number; testimonies: number };

/** Seeds the demo collection, accounts and content; does nothing if any collection exists. */
export async function seedDemo(db: Db): Promise<SeedResult> {
  // Cheap early exit (the server calls this on every start), re-checked under the lock below.
  if ((await db.select({ id: s.collections.id }).from(s.collections).limit(1)).length > 0) {
    return { seeded: false, persons: 0, testimonies: 0 };
  }
  // Hash outside the transaction: Argon2 is deliberately slow.
  const passwordHash = await hashPassphrase(demoPassphrase);
  return db.transaction(async (tx) => {
    // Two processes starting at once (PostgreSQL) must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    const existing = await tx.select({ id: s.collections.id }).from(s.collections).limit(1);
    if (existing.length > 0) return { seeded: false, persons: 0, testimonies: 0 };

    const users = await insertUsers(tx, passwordHash);
    const [collection] = await tx
      .insert(s.collections)
      .values({
        slug: 'aban-1398',
        nameFa: 'خیزش آبان ۱۳۹۸',
        nameEn: 'November 2019 uprising (Aban 1398)',
        descriptionFa: 'اعتراض‌های سراسری آبان ۱۳۹۸ و سرکوب آن. داده‌های این نمونه ساختگی‌اند.',
        descriptionEn: 'The nationwide protests of November 2019 and their suppression. The demo records are fictional.',
        startsOn: '2019-11-15',
        endsOn: '2019-11-30',
      })
      .returning();
    const personIds = await insertPersons(tx, collection!.id, users.moderator);
    await insertTestimonies(tx, collection!.id, users, personIds);
    // One published minor shows the full name after two approvals; the other shows the withheld state.
    const approved = demoPersons.filter((p) => p.identityApproved).map((p) => personIds.get(p.slug)!);
    for (const personId of approved) {
      await tx.insert(s.personIdentityApprovals).values([users.moderator, users.admin].map((moderatorId) => ({ personId, moderatorId })));
    }
    await tx.insert(s.settings).values({ key: 'four_eyes', value: false }).onConflictDoNothing();
    await appendAudit(tx, {
      actorId: null,
      action: 'demo.seed',
      targetType: 'collection',
      targetId: collection!.id,
      details: { persons: personIds.size, testimonies: demoTestimonies.length },
    });
    return { seeded: true, persons: personIds.size, testimonies: demoTestimonies.length };
  });
}

type DemoUsers = { submitter: string; moderator: string; admin: string };

async function insertUsers(tx: Tx, passwordHash: string): Promise<DemoUsers> {
  const ids = {} as DemoUsers;
  for (const role of ['submitter', 'moderator', 'admin'] as const) {
    const staff = role !== 'submitter';
    const [row] = await tx
      .insert(s.users)
      .values({
        username: demoUsernames[role],
        usernameKey: demoUsernames[role],
        role,
        passwordHash,
        // Staff must use 2FA; the demo secret is public (README) so evaluators can sign in.
        totpSecretEncrypted: staff ? seal(demoTotpSecret, sealPurposes.totpSecret) : null,
        totpEnabledAt: staff ? new Date() : null,
        isDemo: true,
        locale: role === 'submitter' ? 'fa' : 'en',
      })
      .returning({ id: s.users.id });
    ids[role] = row!.id;
  }
  return ids;
}

function incident(date: string) {
  return date.length === 7
    ? { incidentDate: `${date}-01`, incidentDatePrecision: 'month' as const }
    : { incidentDate: date, incidentDatePrecision: 'exact' as const };
}

async function insertPersons(tx: Tx, collectionId: string, createdBy: string) {
  const ids = new Map<string, string>();
  const now = Date.now();
  for (const [i, p] of demoPersons.entries()) {
    const [row] = await tx
      .insert(s.persons)
      .values({
        id: demoPersonId(p.slug),
        collectionId,
        slug: p.slug,
        nameFa: p.fa,
        nameLatin: p.latin,
        fatherNameFa: p.fatherFa ?? null,
        gender: p.gender,
        age: p.age,
        birthYear: 2019 - p.age,
        occupation: p.occupation ?? null,
        ...incident(p.date),
        province: p.province,
        city: p.city,
        outcome: p.outcome,
        perpetrator: p.perpetrator,
        aftermath: p.aftermath,
        verification: p.verification,
        status: p.status,
        nameSearch: nameSearchText([p.fa, p.latin]),
        createdBy,
        publishedAt: p.status === 'published' ? new Date(now - (30 - i) * day) : null,
      })
      .returning({ id: s.persons.id });
    ids.set(p.slug, row!.id);
  }
  return ids;
}

async function insertTestimonies(tx: Tx, collectionId: string, users: DemoUsers, personIds: Map<string, string>) {
  const now = Date.now();
  for (const [i, t] of demoTestimonies.entries()) {
    const created = new Date(now - (20 - i) * day);
    const reached = (states: string[]) => states.includes(t.status);
    const wasSubmitted = !reached(['draft']);
    const wasPublished = t.publishedRevision !== undefined;
    const { key, wrapped } = newTestimonyKey();
    const [testimony] = await tx
      .insert(s.testimonies)
      .values({
        dataKey: wrapped,
        collectionId,
        submitterId: users.submitter,
        status: t.status,
        language: t.language,
        claimedBy: reached(['in_review']) ? users.moderator : null,
        claimedAt: reached(['in_review']) ? new Date(now - day) : null,
        rejectReason: t.rejectReason ?? null,
        consentPublish: wasPublished ? 'public' : (t.publishConsent ?? 'documentation_only'),
        consentCredit: t.credit ?? 'anonymous',
        creditNameEncrypted: sealField(key, 'creditName', t.credit === 'chosen_name' ? 'A demo name' : null),
        mayContact: t.message !== undefined,
        createdAt: created,
        submittedAt: wasSubmitted ? new Date(created.getTime() + day) : null,
        publishedAt: wasPublished ? new Date(created.getTime() + 3 * day) : null,
      })
      .returning({ id: s.testimonies.id });
    const testimonyId = testimony!.id;
    // The city publishing fixed as its place without consent to the exact one (lib/moderation/public-place.ts).
    const publicCity = wasPublished ? publicCityOf(demoPersons.filter((p) => t.persons.includes(p.slug) && p.status === 'published').map((p) => ({ id: personIds.get(p.slug)!, status: p.status, city: p.city }))) : null;
    const revisionIds: string[] = [];
    for (const [n, r] of t.revisions.entries()) {
      const [rev] = await tx
        .insert(s.testimonyRevisions)
        .values({
          testimonyId,
          number: n + 1,
          relationship: r.relationship,
          hand: r.hand,
          narrative: sealNarrative(key, r.narrative),
          // Publishing stores the approved text (a revision approved as written is copied as is);
          // a redaction not (or no longer) published stays encrypted, as the moderation code keeps it.
          redactedNarrative: n === t.publishedRevision ? (r.redacted ?? r.narrative) : null,
          redactionDraft: n !== t.publishedRevision && r.redacted ? sealNarrative(key, r.redacted) : null,
          eventDate: '2019-11-16',
          eventDatePrecision: 'exact',
          eventPlaceEncrypted: sealField(key, 'eventPlace', r.place),
          publicCity: n === t.publishedRevision ? publicCity : null,
          createdBy: users.submitter,
          createdAt: new Date(created.getTime() + n * day),
        })
        .returning({ id: s.testimonyRevisions.id });
      revisionIds.push(rev!.id);
    }
    await tx
      .update(s.testimonies)
      .set({
        currentRevisionId: revisionIds.at(-1)!,
        publishedRevisionId: wasPublished ? revisionIds[t.publishedRevision!]! : null,
      })
      .where(eq(s.testimonies.id, testimonyId));
    await tx
      .insert(s.testimonyPersons)
      .values(t.persons.map((slug) => ({ testimonyId, personId: personIds.get(slug)! })));
    if (t.message) {
      await tx.insert(s.messages).values({ testimonyId, authorId: users.moderator, ...sealText('message', t.message) });
    }
  }
}
