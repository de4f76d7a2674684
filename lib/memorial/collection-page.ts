// The collection named by a public address: pages read the cached list of collections with pages;
// route handlers (feeds, CSV files) read the database directly, as the other open-data routes do.
import 'server-only';
import type { DbOrTx } from '@/db/types';
import { cachedCollectionPages } from './cache';
import { listCollectionPages } from './collections';
import type { CollectionPage } from './dto';

const bySlug = (pages: CollectionPage[], slug: string) => pages.find((c) => c.slug === slug) ?? null;

export async function collectionBySlug(slug: string): Promise<CollectionPage | null> {
  return bySlug(await cachedCollectionPages(), slug);
}

export async function readCollectionBySlug(db: DbOrTx, slug: string): Promise<CollectionPage | null> {
  return bySlug(await listCollectionPages(db), slug);
}
