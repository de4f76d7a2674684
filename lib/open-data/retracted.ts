// The public record of retractions: ids that were once public and are no longer (taken down,
// withdrawn, unpublished, or merged into another record), so that mirrors, archives and
// researchers holding an earlier download can remove them. "Once public" is read from what only a
// publication writes (a person's or testimony's publication instant, which later changes keep),
// and "no longer public" is the negation of the one visibility rule (lib/memorial/visibility.ts):
// an id that was never shown is never listed here, so this list reveals nothing the site did not
// already show. Only ids, the kind, and for a merge the record that now carries it; never why.
import 'server-only';
import { and, asc, eq, exists, isNotNull, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { persons, testimonies, testimonyPersons } from '@/db/schema';
import { publicSurvivorOf } from '@/lib/memorial/merged';
import { isPublicPerson, isPublicTestimony, testimonyHasPublicPerson } from '@/lib/memorial/visibility';

export const retractionKeys = ['id', 'kind', 'reason', 'mergedInto'] as const;
/** The same list as CSV: the keys in snake_case, in the same order. */
export const retractedCsvColumns = ['id', 'kind', 'reason', 'merged_into'] as const;

export type Retraction = {
  id: string;
  kind: 'person' | 'testimony';
  /** `merged`: the record now lives on as `mergedInto` (when that one is public); `removed`: gone. */
  reason: 'merged' | 'removed';
  mergedInto: string | null;
};

export async function listRetractions(db: DbOrTx): Promise<Retraction[]> {
  const [goneP, goneT] = await Promise.all([
    db
      .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
      .from(persons)
      .where(and(isNotNull(persons.publishedAt), not(isPublicPerson)))
      .orderBy(asc(persons.id)),
    db
      .select({ id: testimonies.id })
      .from(testimonies)
      .where(
        and(
          // Published with consent to be shown, about someone who was public: it was on the site.
          isNotNull(testimonies.publishedAt),
          eq(testimonies.consentPublish, 'public'),
          exists(
            sql`(select 1 from ${testimonyPersons} tp join ${persons} on ${persons.id} = tp.person_id
              where tp.testimony_id = ${testimonies.id} and ${persons.publishedAt} is not null)`,
          ),
          not(and(isPublicTestimony, testimonyHasPublicPerson)!),
        ),
      )
      .orderBy(asc(testimonies.id)),
  ]);
  const people = await Promise.all(
    goneP.map(async (p): Promise<Retraction> => {
      const survivor = p.mergedIntoId ? await publicSurvivorOf(db, p.id) : null;
      return { id: p.id, kind: 'person', reason: survivor ? 'merged' : 'removed', mergedInto: survivor?.id ?? null };
    }),
  );
  return [...people, ...goneT.map((t): Retraction => ({ id: t.id, kind: 'testimony', reason: 'removed', mergedInto: null }))];
}
