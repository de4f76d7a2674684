// Old URLs of merged persons: a person merged into another answers with a permanent redirect to
// the survivor, when the survivor is public (a citation made before the merge keeps working).
// A merged person whose survivor is not public stays "not found", like any unpublished record.
import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import { persons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { isPublicPerson } from './visibility';
import { isUuid } from '@/lib/validation/uuid';

export async function publicSurvivorOf(db: DbOrTx, id: string): Promise<{ id: string; slug: string } | null> {
  let current = id;
  // Merges can chain (A into B, later B into C); a few hops at most, and never a loop.
  for (let hop = 0; hop < 5 && isUuid(current); hop++) {
    const [row] = await db.select({ next: persons.mergedIntoId }).from(persons).where(and(eq(persons.id, current), isNotNull(persons.mergedIntoId)));
    if (!row?.next) break;
    current = row.next;
    const [survivor] = await db.select({ id: persons.id, slug: persons.slug }).from(persons).where(and(eq(persons.id, current), isPublicPerson));
    if (survivor) return survivor;
  }
  return null;
}
