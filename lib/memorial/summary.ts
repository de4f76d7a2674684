// Row → PublicPersonSummary, listing every field explicitly (never spreading a row).
import 'server-only';
import { persons, collections } from '@/db/schema';
import type { PublicPersonSummary } from './dto';
import { identityWithheld, initials, withheldSlug } from './minors';

/** The columns a summary needs; select exactly these. */
export const summaryColumns = {
  id: persons.id,
  slug: persons.slug,
  collectionSlug: collections.slug,
  nameFa: persons.nameFa,
  nameLatin: persons.nameLatin,
  gender: persons.gender,
  age: persons.age,
  incidentDate: persons.incidentDate,
  incidentDatePrecision: persons.incidentDatePrecision,
  province: persons.province,
  city: persons.city,
  outcome: persons.outcome,
  perpetrator: persons.perpetrator,
  verification: persons.verification,
  publishedAt: persons.publishedAt,
  identityWithheld,
};

export type SummaryRow = Omit<PublicPersonSummary, 'publishedAt'> & { publishedAt: Date | string | null; identityWithheld: boolean };

/** A minor's identity awaiting its second approval leaves only initials (lib/memorial/minors.ts). */
export function toSummary(row: SummaryRow): PublicPersonSummary {
  const withheld = row.identityWithheld;
  return {
    id: row.id,
    slug: withheld ? withheldSlug : row.slug,
    collectionSlug: row.collectionSlug,
    nameFa: withheld ? initials(row.nameFa) : row.nameFa,
    nameLatin: withheld ? (row.nameLatin ? initials(row.nameLatin) : null) : row.nameLatin,
    gender: row.gender,
    age: row.age,
    incidentDate: row.incidentDate,
    incidentDatePrecision: row.incidentDatePrecision,
    province: row.province,
    city: row.city,
    outcome: row.outcome,
    perpetrator: row.perpetrator,
    verification: row.verification,
    publishedAt: iso(row.publishedAt),
  };
}

export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
