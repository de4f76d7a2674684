import 'server-only';
// Collections as admins configure them (PRODUCT.md §1, admin). Each change is one transaction with
// its audit entry; a taken slug is a field error, not a failure.
import { asc, eq, ne, and } from 'drizzle-orm';
import { collections, persons, testimonies } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { requirePermission } from '@/lib/authz/guard';
import type { CollectionInput } from '@/lib/validation/collection';

export type CollectionSummary = CollectionInput & { id: string; persons: number; testimonies: number };

export async function listCollections(db: Db, viewer: Viewer | null): Promise<CollectionSummary[]> {
  requirePermission(viewer, 'collection.manage');
  const rows = await db.select().from(collections).orderBy(asc(collections.createdAt), asc(collections.id));
  const counts = await Promise.all(
    rows.map(async (c) => ({
      persons: await db.$count(persons, eq(persons.collectionId, c.id)),
      testimonies: await db.$count(testimonies, eq(testimonies.collectionId, c.id)),
    })),
  );
  return rows.map((c, i) => ({
    id: c.id,
    slug: c.slug,
    nameFa: c.nameFa,
    nameEn: c.nameEn,
    descriptionFa: c.descriptionFa,
    descriptionEn: c.descriptionEn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    openForSubmissions: c.openForSubmissions,
    ...counts[i]!,
  }));
}

async function requireFreeSlug(tx: Tx, slug: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(exceptId ? and(eq(collections.slug, slug), ne(collections.id, exceptId)) : eq(collections.slug, slug));
  if (taken) throw new AppError('invalid_input', { fieldErrors: { slug: 'slugTaken' } });
}

export async function createCollection(db: Db, viewer: Viewer | null, input: CollectionInput): Promise<string> {
  const actor = requirePermission(viewer, 'collection.manage');
  const id = await db.transaction(async (tx) => {
    await requireFreeSlug(tx, input.slug);
    const [row] = await tx.insert(collections).values(input).returning({ id: collections.id });
    await appendAudit(tx, { actorId: actor.userId, action: 'collection.create', targetType: 'collection', targetId: row!.id, details: { slug: input.slug, openForSubmissions: input.openForSubmissions } });
    return row!.id;
  });
  revalidatePublicData();
  return id;
}

export async function updateCollection(db: Db, viewer: Viewer | null, collectionId: string, input: CollectionInput): Promise<void> {
  const actor = requirePermission(viewer, 'collection.manage');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(collections).where(eq(collections.id, collectionId)).for('update');
    if (!before) throw new AppError('not_found');
    await requireFreeSlug(tx, input.slug, collectionId);
    await tx.update(collections).set(input).where(eq(collections.id, collectionId));
    // Field names only, like person edits: the log records what changed, not the texts.
    const fields = (Object.keys(input) as (keyof CollectionInput)[]).filter((k) => before[k] !== input[k]);
    await appendAudit(tx, { actorId: actor.userId, action: 'collection.edit', targetType: 'collection', targetId: collectionId, details: { fields } });
  });
  revalidatePublicData();
}
