// The public projection: the only way public surfaces (pages, API, downloads, feeds, statistics)
// read data. Pages and route handlers use the cached variants (cache.ts); lib/ and tests use the
// plain functions with a database handle.
export * from './dto';
export { getPublishedPerson, getPublishedPersons } from './persons';
export { getPublicTestimoniesForPerson, getPublicTestimoniesForPersons, listPublicTestimonies, publicCredit, type TestimonyPage } from './testimonies';
export { getMemorialOverview } from './overview';
export { listPublicCollections } from './collections';
export { listPublishedPersons, type PersonPage } from './search';
export * from './query';
export * from './paths';
export {
  cachedMemorialOverview,
  cachedPublicCollections,
  cachedPublicTestimoniesForPerson,
  cachedPublishedPerson,
  cachedPublishedPersons,
  publicDataTag,
  revalidatePublicData,
} from './cache';
