// The mirror's search, in the browser (bundled into assets/search.js at export). It folds spellings
// with the site's own rule (lib/search/normalize.ts: Arabic/Persian letters, ZWNJ, digits, Latin
// transliteration variants), so "Gholipur" finds "Gholipour" here as on the site.
import { nameSearchText, searchKeys } from '@/lib/search/normalize';

/** One person in the index: page segment (`<slug>-<id>`), Persian name, Latin name (or 0). */
export type IndexEntry = [segment: string, nameFa: string, nameLatin: string | 0];

const maxResults = 50;

/** Persons whose names contain every word of the query as a word start, in any spelling. */
export function matchPersons(entries: IndexEntry[], keys: string[][], query: string): number[] {
  const words = searchKeys(query).folded.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const found: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const tokens = keys[i]!;
    if (words.every((w) => tokens.some((t) => t.startsWith(w)))) found.push(i);
  }
  return found;
}

export function entryKeys(entry: IndexEntry): string[] {
  return nameSearchText([entry[1], entry[2] || null]).split(' ');
}

function start() {
  const form = document.getElementById('mirror-search') as HTMLFormElement | null;
  const results = document.getElementById('mirror-results');
  const entries = (window as unknown as { YADMAN_MIRROR_INDEX?: IndexEntry[] }).YADMAN_MIRROR_INDEX;
  if (!form || !results || !entries) return;
  document.getElementById('mirror-search-noscript')?.setAttribute('hidden', '');
  const locale = form.dataset.locale === 'en' ? 'en' : 'fa';
  const root = form.dataset.root ?? '';
  const messages = JSON.parse(results.dataset.messages ?? '{}') as Record<string, string>;
  const digits = (n: number) => n.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en');
  let keys: string[][] | null = null;
  const input = form.querySelector('input')!;
  const run = () => {
    keys ??= entries.map(entryKeys);
    const found = matchPersons(entries, keys, input.value);
    results.replaceChildren();
    const count = document.createElement('p');
    count.textContent = found.length === 0 ? messages.none! : found.length === 1 ? messages.one! : messages.many!.replace('{n}', digits(found.length));
    results.append(count);
    const list = document.createElement('ul');
    list.className = 'mt-3 list-disc space-y-1 ps-6';
    for (const i of found.slice(0, maxResults)) {
      const [segment, nameFa, nameLatin] = entries[i]!;
      const id = segment.slice(-36);
      const link = document.createElement('a');
      link.href = `${root}${locale}/p/${id.slice(0, 2)}/${segment}.html`;
      link.textContent = locale === 'fa' ? nameFa : nameLatin || nameFa;
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    results.append(list);
    if (found.length > maxResults) {
      const more = document.createElement('p');
      more.textContent = messages.more!;
      results.append(more);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run();
  }
}

if (typeof document !== 'undefined') start();
