import 'server-only';
// What the "who is this about" step offers: the published persons already chosen, then matches
// for the search (or, when a new person is being proposed, likely matches for that name first, so
// a duplicate is caught before it is created). Public data only, via the memorial's own search.
import type { Db } from '@/db/types';
import { provinces } from '@/lib/geo/provinces';
import { calendarOf, formatStoredDate, type StoredPrecision } from '@/lib/i18n/dates';
import { listPublishedPersons } from '@/lib/memorial/search';
import { publishedPersonsByIds } from './drafts';
import { partSeparator } from '@/lib/i18n/separator';

type Values = Record<string, string | string[]>;
type Row = { id: string; nameFa: string; nameLatin: string | null; province: string | null; city: string | null; incidentDate: string | null; incidentDatePrecision: StoredPrecision | null };

export async function aboutChoices(db: Db, locale: string, values: Values, q: string) {
  const chosen = [values.personId ?? []].flat();
  const proposed = ((values.newNameFa || values.newNameLatin) as string | undefined) ?? '';
  const query = q || proposed;
  const [chosenRows, found] = await Promise.all([
    publishedPersonsByIds(db, chosen),
    query ? listPublishedPersons(db, { q: query, limit: 10, sort: 'relevance' }) : Promise.resolve({ items: [] as Row[] }),
  ]);
  const seen = new Set<string>();
  const choices = [...chosenRows, ...(found.items as Row[])]
    .filter((p) => !seen.has(p.id) && !!seen.add(p.id))
    .map((p) => ({ id: p.id, name: locale === 'fa' ? p.nameFa : (p.nameLatin ?? p.nameFa), detail: detail(p, locale) }));
  // `noMatch`: the person searched and no one matched; the search form says so next to its field.
  return { choices, chosen: chosenRows.map((p) => p.id), searched: !!query, noMatch: !!q && found.items.length === 0 };
}

function detail(p: Row, locale: string) {
  const province = provinces.find((x) => x.code === p.province);
  const lang = locale === 'fa' ? 'fa' : 'en';
  // The date in the reader's calendar and digits (a raw 2019-11-16 on a Persian page reads as English).
  const date = p.incidentDate ? formatStoredDate(p.incidentDate, p.incidentDatePrecision, lang, calendarOf(lang)) : null;
  return [p.city, province && (locale === 'fa' ? province.nameFa : province.nameEn), date].filter(Boolean).join(partSeparator(locale));
}
