// The whole schema; drizzle-kit reads this file and the client passes it to drizzle().
export { datePrecision } from './columns';
export * from './collections';
export * from './users';
export * from './persons';
export * from './testimonies';
export * from './attachments';
export * from './messages';
export * from './notifications';
export * from './notes';
export * from './approvals';
export * from './audit';
export * from './evidence';
export * from './settings';
export * from './jobs';
export * from './public-data';
export * from './imports';
export * from './relations';
