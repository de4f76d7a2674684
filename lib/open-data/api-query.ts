// Query parameters of the open-data API. Strict, unlike the search page: a researcher's script
// that misspells a filter gets a 400 naming it, instead of silently receiving unfiltered data.
import { z } from 'zod';
import { provinceCodes } from '@/lib/geo/provinces';
import {
  genderOptions,
  outcomeOptions,
  perpetratorOptions,
  verificationOptions,
  type PersonQuery,
} from '@/lib/memorial/query';
import { decodeCursor, personCursorShape, testimonyCursor } from '@/lib/pagination/cursor';

export const apiMaxLimit = 100;
export const apiDefaultLimit = 50;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const isoDate = z.iso.date();

const personsSchema = z
  .object({
    cursor: z
      .string()
      .max(8000)
      .transform((value, ctx) => {
        const cursor = decodeCursor(personCursorShape, value);
        // The API lists newest publications first: only a cursor of that order continues it.
        return cursor?.[0] === 'recent' ? cursor : (ctx.addIssue({ code: 'custom', message: 'not a cursor from pagination.next' }), z.NEVER);
      })
      .optional(),
    limit: int(1, apiMaxLimit).default(apiDefaultLimit),
    province: z.enum(provinceCodes as [string, ...string[]]).optional(),
    outcome: z.enum(outcomeOptions).optional(),
    perpetrator: z.enum(perpetratorOptions).optional(),
    gender: z.enum(genderOptions).optional(),
    verification: z.enum(verificationOptions).optional(),
    collection: z.string().min(1).max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

const testimoniesSchema = z
  .object({
    limit: int(1, apiMaxLimit).default(apiDefaultLimit),
    cursor: z
      .string()
      .max(200)
      .transform((value, ctx) => decodeCursor(testimonyCursor, value) ?? (ctx.addIssue({ code: 'custom', message: 'not a cursor from pagination.next' }), z.NEVER))
      .optional(),
    person: z.uuid().optional(),
  })
  .strict();

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: string[] };

function parse<T>(schema: z.ZodType<T>, params: URLSearchParams): Parsed<T> {
  const keys = [...new Set(params.keys())];
  const repeated = keys.filter((k) => params.getAll(k).length > 1);
  if (repeated.length) return { ok: false, issues: repeated.map((k) => `${k}: given more than once`) };
  const result = schema.safeParse(Object.fromEntries(params));
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? `unknown parameter(s): ${i.keys.join(', ')}` : `${i.path.join('.')}: ${i.message}`,
    ),
  };
}

/** `/api/v1/persons` parameters as a query of the public projection (newest publications first). */
export function parsePersonsParams(params: URLSearchParams): Parsed<PersonQuery & { limit: number }> {
  const parsed = parse(personsSchema, params);
  if (!parsed.ok) return parsed;
  const { from, to, ...rest } = parsed.value;
  return { ok: true, value: { ...rest, dateFrom: from, dateTo: to, sort: 'recent' } };
}

export function parseTestimoniesParams(params: URLSearchParams) {
  return parse(testimoniesSchema, params);
}
