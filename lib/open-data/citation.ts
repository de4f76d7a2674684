// Citation forms for a person's record and for the dataset, as researchers and editors paste them:
// a Wikipedia {{cite web}} template, BibTeX and RIS. Pure (no server-only): the person page, the
// static mirror, the data page and the downloads all use it, and citation.test.ts parses each form.
// Every URL given here is built from the configured public origin (siteOrigin), never a request's
// Host, and nothing depends on the time of the request: cached pages hold the same bytes for all.
import { dataLicence } from './licence';

export const publisherName = 'Yadman';

export type CitedRecord = {
  /** The record's permanent id (UUID). */
  id: string;
  /** The name as the page shows it in its language. */
  title: string;
  /** The page's absolute, permanent URL. */
  url: string;
  /** ISO instants. */
  publishedAt: string | null;
  updatedAt: string;
  locale: 'fa' | 'en';
  /** The collection's name in the page's language, e.g. "Aban 1398 (November 2019)". */
  collection: string;
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** One line: a value from the record must never start a new field of a line-based format. */
const oneLine = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** Wikipedia's {{cite web}}: `|` and `}}` in a value are written as entities so they cannot end a parameter. */
export function citeWeb(r: CitedRecord): string {
  const v = (value: string) => oneLine(value).replace(/\|/g, '&#124;').replace(/\}\}/g, '&#125;&#125;').replace(/=/g, '&#61;');
  const params: [string, string | null][] = [
    ['url', r.url],
    ['title', v(r.title)],
    ['website', `${publisherName} — ${v(r.collection)}`],
    ['publisher', publisherName],
    ['date', day(r.publishedAt)],
    ['id', r.id],
    ['language', r.locale],
  ];
  return `{{cite web ${params.filter(([, value]) => value).map(([k, value]) => `|${k}=${value}`).join(' ')}}}`;
}

/** BibTeX's special characters, escaped inside a braced value. */
export function bibtexEscape(value: string): string {
  return oneLine(value).replace(/[\\{}$&%#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}' : `\\${c}`,
  );
}

/** A BibTeX @misc entry (BibLaTeX reads `date` and `langid`; classic BibTeX `year`, `howpublished` and `note`). */
export function bibtex(r: CitedRecord): string {
  const published = day(r.publishedAt);
  const fields: [string, string | null][] = [
    ['author', `{${publisherName}}`],
    ['title', bibtexEscape(r.title)],
    ['howpublished', `${publisherName}: ${bibtexEscape(r.collection)}`],
    ['year', published?.slice(0, 4) ?? null],
    ['date', published],
    ['url', r.url.replace(/[{}\\]/g, encodeURIComponent)],
    ['note', `Record ${r.id}; last updated ${day(r.updatedAt)}`],
    ['langid', r.locale === 'fa' ? 'persian' : 'english'],
  ];
  return `@misc{yadman-${r.id},\n${fields
    .filter(([, value]) => value)
    .map(([k, value]) => `  ${k} = {${value}}`)
    .join(',\n')}\n}`;
}

/** An RIS record (EndNote, Zotero, Mendeley): one `TAG  - value` per line, ending with `ER  - `. */
export function ris(r: CitedRecord): string {
  const published = day(r.publishedAt);
  const lines: [string, string | null][] = [
    ['TY', 'ELEC'],
    ['TI', oneLine(r.title)],
    ['AU', `${publisherName},`],
    ['T2', `${publisherName}: ${oneLine(r.collection)}`],
    ['PB', publisherName],
    ['PY', published?.slice(0, 4) ?? null],
    ['DA', published?.replace(/-/g, '/') ?? null],
    ['UR', r.url],
    ['ID', r.id],
    ['N1', `Record ${r.id}; last updated ${day(r.updatedAt)}`],
    ['LA', r.locale],
  ];
  return [...lines.filter(([, value]) => value).map(([tag, value]) => `${tag}  - ${value}`), 'ER  - '].join('\r\n') + '\r\n';
}

/** The dataset as a whole: its name, address and how to cite it (data page, downloads). */
export function datasetCitation(origin: string): { title: string; url: string; text: string; bibtex: string } {
  const title = 'Yadman open data: published persons and testimonies';
  const url = `${origin}/en/data`;
  return {
    title,
    url,
    text: `${publisherName}. ${title} [dataset]. ${url}. Licensed under ${dataLicence.name}. Cite the date you downloaded it and, for one record, its page.`,
    bibtex: `@misc{yadman-open-data,\n  author = {{${publisherName}}},\n  title = {${bibtexEscape(title)}},\n  howpublished = {${url}},\n  note = {Dataset; ${dataLicence.name}}\n}`,
  };
}

/** What every bulk JSON document starts with (the data page documents each key). */
export function bulkMeta(origin: string, generatedAt = new Date()) {
  return {
    generatedAt: generatedAt.toISOString(),
    source: origin,
    licence: dataLicence,
    citation: datasetCitation(origin).text,
    retracted: `${origin}/api/v1/retracted`,
  };
}

/** The four bulk files and the list of retracted records, as the data page and its JSON-LD list them. */
export const bulkFiles = [
  { key: 'personsCsv', path: '/api/v1/persons.csv', type: 'text/csv' },
  { key: 'personsJson', path: '/api/v1/persons.json', type: 'application/json' },
  { key: 'testimoniesCsv', path: '/api/v1/testimonies.csv', type: 'text/csv' },
  { key: 'testimoniesJson', path: '/api/v1/testimonies.json', type: 'application/json' },
  { key: 'retractedCsv', path: '/api/v1/retracted.csv', type: 'text/csv' },
  { key: 'retractedJson', path: '/api/v1/retracted', type: 'application/json' },
] as const;

/** schema.org `Dataset` for the data page (Google Dataset Search, Zenodo-style harvesters). */
export function datasetJsonLd(origin: string, locale: 'fa' | 'en', description: string): Record<string, unknown> {
  const cite = datasetCitation(origin);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${origin}/${locale}/data`,
    url: `${origin}/${locale}/data`,
    name: cite.title,
    description,
    inLanguage: ['fa', 'en'],
    isAccessibleForFree: true,
    license: dataLicence.url,
    creator: { '@type': 'Organization', name: publisherName, url: origin },
    publisher: { '@type': 'Organization', name: publisherName, url: origin },
    citation: cite.text,
    keywords: ['human rights', 'Iran', 'November 2019 protests', 'Aban 1398', 'testimonies'],
    distribution: bulkFiles.map((f) => ({ '@type': 'DataDownload', contentUrl: origin + f.path, encodingFormat: f.type })),
  };
}
