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

/**
 * Days the timeline always shows, even with nothing documented on them: the first days of the
 * November 2019 uprising, when most killings happened. Later days appear when a record names them.
 */
export const timelineCoreDays = ['2019-11-15', '2019-11-16', '2019-11-17', '2019-11-18', '2019-11-19'] as const;

/** Every calendar day from `from` to `to` inclusive (ISO dates, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
