// The public projection: the only way public surfaces (pages, API, downloads, feeds, statistics)
// read data. Pages and route handlers use the cached variants (cache.ts); lib/ and tests use the
// plain functions with a database handle.
export * from './dto';
export { getPublishedPerson, getPublishedPersons } from './persons';
export { countPublicTestimonies, getPublicTestimoniesForPerson, getPublicTestimoniesForPersons, listPublicTestimonies, publicTestimonyLocation, publicCredit, type TestimonyPage } from './testimonies';
export { getMemorialOverview } from './overview';
export { listCollectionPages, listPublicCollections } from './collections';
export { listPublishedPersons, type PersonPage } from './search';
export * from './query';
export * from './paths';
export {
  cachedMemorialOverview,
  cachedCollectionPages,
  cachedPublicCollections,
  cachedPublicTestimoniesForPerson,
  cachedPublishedPerson,
  cachedPublishedPersons,
  publicDataTag,
  revalidatePublicData,
} from './cache';
