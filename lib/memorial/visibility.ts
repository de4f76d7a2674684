// The access rules of the public projection, in one place (ENGINEERING.md pattern 4: the rule lives
// inside the query). A person is public only when published and not merged into another; a
// testimony only when published, consented for publication and with an approved revision.
// Anything else is indistinguishable from an id that never existed.
import 'server-only';
import { and, eq, exists, isNotNull, isNull, sql } from 'drizzle-orm';
import { persons, testimonies, testimonyPersons } from '@/db/schema';

export const isPublicPerson = and(eq(persons.status, 'published'), isNull(persons.mergedIntoId))!;

export const isPublicTestimony = and(
  eq(testimonies.status, 'published'),
  eq(testimonies.consentPublish, 'public'),
  isNotNull(testimonies.publishedRevisionId),
)!;

/** The testimony is about at least one public person (a testimony only about hidden persons stays hidden). */
export const testimonyHasPublicPerson = exists(
  sql`(select 1 from ${testimonyPersons} tp join ${persons} on ${persons.id} = tp.person_id
       where tp.testimony_id = ${testimonies.id} and ${isPublicPerson})`,
);

/**
 * Whether a published testimony is on the memorial and, if not, why: its submitter chose
 * documentation only, or no person it is about is public. What its submitter and the moderator who
 * published it are told (a status that says "Published" must mean readers can find it).
 */
export type PublishedVisibility = 'public' | 'documentation_only' | 'no_public_person';
export const publishedVisibility = sql<PublishedVisibility>`case when ${testimonies.consentPublish} <> 'public' then 'documentation_only' when ${testimonyHasPublicPerson} then 'public' else 'no_public_person' end`;
