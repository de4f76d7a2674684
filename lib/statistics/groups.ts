// The buckets the statistics page counts in. Pure: shared by the aggregates, the page and tests.
import { outcome, perpetrator, gender } from '@/db/schema/persons';

export const ageGroups = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The age group of an age in whole years; unknown (null, negative, not a number) is its own group. */
export function ageGroupOf(age: number | null | undefined): AgeGroup {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 18) return '0-17';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60+';
}

export const outcomes = outcome.enumValues;
export const perpetrators = perpetrator.enumValues;
export const genders = gender.enumValues;

/** How many of a collection's first days its timeline always shows. */
export const coreDayCount = 5;

/**
 * Days a collection's timeline always shows, even with nothing documented on them: its first days
 * (for the November 2019 uprising, 15–19 November, when most killings happened), never past its end.
 * Later days appear when a record names them. A collection without a start date has none.
 */
export function coreDaysOf(collection: { startsOn: string | null; endsOn: string | null }): string[] {
  if (!collection.startsOn) return [];
  const last = new Date(Date.parse(`${collection.startsOn}T00:00:00Z`) + (coreDayCount - 1) * 86_400_000).toISOString().slice(0, 10);
  const to = collection.endsOn && collection.endsOn < last ? collection.endsOn : last;
  return daysBetween(collection.startsOn, to);
}

/** Every calendar day from `from` to `to` inclusive (ISO dates, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
