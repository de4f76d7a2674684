// The collection named by a public page's address, from the cached list of collections with pages.
import 'server-only';
import { cachedCollectionPages } from './cache';
import type { CollectionPage } from './dto';

export async function collectionBySlug(slug: string): Promise<CollectionPage | null> {
  return (await cachedCollectionPages()).find((c) => c.slug === slug) ?? null;
}
