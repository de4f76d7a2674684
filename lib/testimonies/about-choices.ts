import 'server-only';
// What the "who is this about" step offers: the published persons already chosen, then matches
// for the search (or, when a new person is being proposed, likely matches for that name first, so
// a duplicate is caught before it is created). Public data only, via the memorial's own search.
import type { Db } from '@/db/types';
import { provinces } from '@/lib/geo/provinces';
import { listPublishedPersons } from '@/lib/memorial/search';
import { publishedPersonsByIds } from './drafts';

type Values = Record<string, string | string[]>;
type Row = { id: string; nameFa: string; nameLatin: string | null; province: string | null; city: string | null; incidentDate: string | null };

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
  return { choices, chosen: chosenRows.map((p) => p.id), searched: !!query };
}

function detail(p: Row, locale: string) {
  const province = provinces.find((x) => x.code === p.province);
  return [p.city, province && (locale === 'fa' ? province.nameFa : province.nameEn), p.incidentDate].filter(Boolean).join(' · ');
}
