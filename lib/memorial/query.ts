// The search page's URL ⇄ query. Every result page is a plain GET URL (shareable, works without
// JavaScript); unknown or malformed parameters are dropped, never an error. Pure: no server-only.
import { z } from 'zod';
import { latinDigits } from '@/lib/i18n/digits';
import { parseListDate } from '@/lib/i18n/typed-dates';
import { provinceCodes } from '@/lib/geo/provinces';
import { decodeCursor, encodeCursor, personCursorShape, type PersonCursor } from '@/lib/pagination/cursor';

export const sortOptions = ['relevance', 'date', 'name', 'recent'] as const;
export const genderOptions = ['female', 'male', 'other', 'unknown'] as const;
export const outcomeOptions = ['killed', 'injured', 'detained', 'disappeared', 'executed', 'other'] as const;
export const perpetratorOptions = ['irgc', 'basij', 'police', 'plainclothes', 'unknown', 'other'] as const;
export const verificationOptions = ['unverified', 'corroborated', 'verified'] as const;
export const defaultPageSize = 20;
export const maxPageSize = 100;

export type PersonQuery = {
  q?: string;
  collection?: string;
  province?: string;
  city?: string;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  dateFrom?: string;
  dateTo?: string;
  ageMin?: number;
  ageMax?: number;
  /** "Children under 18" shortcut. */
  children?: boolean;
  gender?: (typeof genderOptions)[number];
  outcome?: (typeof outcomeOptions)[number];
  perpetrator?: (typeof perpetratorOptions)[number];
  verification?: (typeof verificationOptions)[number];
  sort?: (typeof sortOptions)[number];
  /** Where the page starts (keyset): the position of the last person of the previous page. */
  cursor?: PersonCursor;
  limit?: number;
  /** Which script names sort by ("name" sort). */
  locale?: 'fa' | 'en';
};

/** Persian and Arabic-Indic digits typed into a field count as ASCII digits (one rule: lib/i18n/digits.ts). */
export const asciiDigits = latinDigits;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().slice(0, max))
    .pipe(z.string().min(1));
// Digits only: an empty field (the search form sends every field, filled or not) is no number, not 0.
const int = (min: number, max: number) =>
  z
    .string()
    .transform((s) => asciiDigits(s.trim()))
    .pipe(z.string().regex(/^\d+$/))
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
// A day as a reader types it, in either calendar and either script's digits: 2019-11-16,
// ۱۳۹۸/۰۸/۲۵, 1398-08-25, 16/11/2019, «۲۵ آبان ۱۳۹۸» (lib/i18n/typed-dates.ts).
const isoDate = z.string().transform((s, ctx) => {
  const day = parseListDate(s);
  if (typeof day === 'object' && day.precision === 'exact') return day.iso;
  ctx.addIssue({ code: 'custom', message: 'not a date' });
  return z.NEVER;
});

const fields = {
  q: text(200),
  collection: text(100),
  province: z.enum(provinceCodes as [string, ...string[]]),
  city: text(100),
  dateFrom: isoDate,
  dateTo: isoDate,
  ageMin: int(0, 130),
  ageMax: int(0, 130),
  children: z.literal('1').transform(() => true),
  gender: z.enum(genderOptions),
  outcome: z.enum(outcomeOptions),
  perpetrator: z.enum(perpetratorOptions),
  verification: z.enum(verificationOptions),
  sort: z.enum(sortOptions),
  cursor: z
    .string()
    .max(8000)
    .transform((s, ctx) => decodeCursor(personCursorShape, s) ?? (ctx.addIssue({ code: 'custom', message: 'not a cursor' }), z.NEVER)),
  limit: int(1, maxPageSize),
};

/** The URL parameters a search page reads; any other is ignored. */
export const personQueryNames: readonly string[] = Object.keys(fields);

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads a query from URL parameters, keeping each valid field and dropping the rest. */
export function parsePersonQuery(params: Params): PersonQuery {
  const get = (key: string): string | undefined => {
    const v = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const query: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const raw = get(key);
    if (raw === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (parsed.success) query[key] = parsed.data;
  }
  return query as PersonQuery;
}

/** The URL parameters of a query (for pagination and sort links); the inverse of parsePersonQuery. */
export function personQueryParams(query: PersonQuery, overrides: Partial<PersonQuery> = {}): URLSearchParams {
  const merged: PersonQuery = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
    const value = merged[key];
    if (value === undefined || value === false || value === '') continue;
    if (key === 'cursor') params.set(key, encodeCursor(value as PersonCursor));
    else params.set(key, value === true ? '1' : String(value));
  }
  return params;
}

/** Whether any filter (not the text query, sort or paging) is set: the filters panel opens then. */
export function hasFilters(query: PersonQuery): boolean {
  const filterKeys: Array<keyof PersonQuery> = [
    'collection', 'province', 'city', 'dateFrom', 'dateTo', 'ageMin', 'ageMax', 'children',
    'gender', 'outcome', 'perpetrator', 'verification',
  ];
  return filterKeys.some((k) => query[k] !== undefined);
}
