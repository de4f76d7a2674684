// Bulk downloads (CSV and JSON) of the public projection, streamed batch by batch so that a large
// memorial never sits in memory whole. CSV columns are flat and named in English snake_case.
import { provinces } from '@/lib/geo/provinces';
import type { PublicPerson, PublicTestimony } from '@/lib/memorial/dto';
import { csvLines, utf8Bom, type CsvValue } from './csv';
import { personUrls } from './persons';

/**
 * One CSV column: its name, the JSON field it is read from (a top-level key of the same record in
 * the JSON files and the API; the data page documents the two names together from this list), and
 * its value. Lists are written so that they read back exactly: identifiers, codes and URLs joined
 * by a space (none contains one); names, titles and captions as a JSON array.
 */
export type CsvColumn<T> = { name: string; field: string; value: (record: T, origin: string) => CsvValue };

const jsonList = (values: readonly unknown[]): string | null => (values.length ? JSON.stringify(values) : null);
const spaced = (values: readonly string[]): string | null => (values.length ? values.join(' ') : null);

/** The persons CSV: the full public record (ApiPerson), one flat row each. The first 18 columns are the original ones. */
export const personCsv: readonly CsvColumn<PublicPerson>[] = [
  { name: 'id', field: 'id', value: (p) => p.id },
  { name: 'name_fa', field: 'nameFa', value: (p) => p.nameFa },
  { name: 'name_latin', field: 'nameLatin', value: (p) => p.nameLatin },
  { name: 'gender', field: 'gender', value: (p) => p.gender },
  { name: 'age', field: 'age', value: (p) => p.age },
  { name: 'incident_date', field: 'incidentDate', value: (p) => p.incidentDate },
  { name: 'incident_date_precision', field: 'incidentDatePrecision', value: (p) => p.incidentDatePrecision },
  { name: 'province_code', field: 'province', value: (p) => p.province },
  { name: 'province_fa', field: 'province', value: (p) => provinces.find((x) => x.code === p.province)?.nameFa },
  { name: 'province_en', field: 'province', value: (p) => provinces.find((x) => x.code === p.province)?.nameEn },
  { name: 'city', field: 'city', value: (p) => p.city },
  { name: 'outcome', field: 'outcome', value: (p) => p.outcome },
  { name: 'perpetrator', field: 'perpetrator', value: (p) => p.perpetrator },
  { name: 'verification', field: 'verification', value: (p) => p.verification },
  { name: 'collection', field: 'collectionSlug', value: (p) => p.collectionSlug },
  { name: 'published_at', field: 'publishedAt', value: (p) => p.publishedAt },
  { name: 'url_fa', field: 'urls', value: (p, origin) => personUrls(origin, p).fa },
  { name: 'url_en', field: 'urls', value: (p, origin) => personUrls(origin, p).en },
  { name: 'slug', field: 'slug', value: (p) => p.slug },
  { name: 'collection_name_fa', field: 'collection', value: (p) => p.collection.nameFa },
  { name: 'collection_name_en', field: 'collection', value: (p) => p.collection.nameEn },
  { name: 'father_name_fa', field: 'fatherNameFa', value: (p) => p.fatherNameFa },
  { name: 'father_name_latin', field: 'fatherNameLatin', value: (p) => p.fatherNameLatin },
  { name: 'other_names', field: 'otherNames', value: (p) => jsonList(p.otherNames) },
  { name: 'birth_year', field: 'birthYear', value: (p) => p.birthYear },
  { name: 'occupation', field: 'occupation', value: (p) => p.occupation },
  { name: 'place', field: 'place', value: (p) => p.place },
  { name: 'cause', field: 'cause', value: (p) => p.cause },
  { name: 'aftermath', field: 'aftermath', value: (p) => spaced(p.aftermath) },
  { name: 'sensitive_content', field: 'sensitiveContent', value: (p) => p.sensitiveContent },
  { name: 'portrait_id', field: 'portrait', value: (p) => p.portrait?.id },
  { name: 'portrait_url', field: 'portrait', value: (p, origin) => (p.portrait ? origin + p.portrait.src : null) },
  { name: 'portrait_caption', field: 'portrait', value: (p) => p.portrait?.caption },
  { name: 'source_urls', field: 'sources', value: (p) => jsonList(p.sources.map((s) => s.url)) },
  { name: 'source_titles', field: 'sources', value: (p) => jsonList(p.sources.map((s) => s.title)) },
  { name: 'testimony_count', field: 'testimonyCount', value: (p) => p.testimonyCount },
  { name: 'updated_at', field: 'updatedAt', value: (p) => p.updatedAt },
];

export const personCsvColumns = personCsv.map((c) => c.name);

export function personCsvRow(p: PublicPerson, origin: string): CsvValue[] {
  return personCsv.map((c) => c.value(p, origin));
}

/** The testimonies CSV: the public testimony, one flat row each. The first 14 columns are the original ones. */
export const testimonyCsv: readonly CsvColumn<PublicTestimony>[] = [
  { name: 'id', field: 'id', value: (t) => t.id },
  { name: 'person_ids', field: 'personIds', value: (t) => t.personIds.join(' ') },
  { name: 'language', field: 'language', value: (t) => t.language },
  { name: 'hand', field: 'hand', value: (t) => t.hand },
  { name: 'credit_kind', field: 'credit', value: (t) => t.credit.kind },
  { name: 'credit_relationship', field: 'credit', value: (t) => (t.credit.kind === 'relationship' ? t.credit.relationship : null) },
  { name: 'credit_name', field: 'credit', value: (t) => (t.credit.kind === 'name' ? t.credit.name : null) },
  { name: 'credit_year', field: 'credit', value: (t) => (t.credit.kind === 'anonymous' ? null : t.credit.year) },
  { name: 'credit_year_solar_hijri', field: 'credit', value: (t) => (t.credit.kind === 'anonymous' ? null : t.credit.yearSolarHijri) },
  { name: 'event_date', field: 'eventDate', value: (t) => t.eventDate },
  { name: 'event_date_precision', field: 'eventDatePrecision', value: (t) => t.eventDatePrecision },
  { name: 'place', field: 'place', value: (t) => t.place },
  { name: 'narrative', field: 'narrative', value: (t) => t.narrative },
  { name: 'attachment_urls', field: 'attachments', value: (t, origin) => t.attachments.map((a) => origin + a.src).join(' ') },
  { name: 'published_at', field: 'publishedAt', value: (t) => t.publishedAt },
  { name: 'attachment_ids', field: 'attachments', value: (t) => spaced(t.attachments.map((a) => a.id)) },
  { name: 'attachment_kinds', field: 'attachments', value: (t) => spaced(t.attachments.map((a) => a.kind)) },
  { name: 'attachment_mime_types', field: 'attachments', value: (t) => spaced(t.attachments.map((a) => a.mime)) },
  { name: 'attachment_captions', field: 'attachments', value: (t) => jsonList(t.attachments.map((a) => a.caption)) },
];

export const testimonyCsvColumns = testimonyCsv.map((c) => c.name);

export function testimonyCsvRow(t: PublicTestimony, origin: string): CsvValue[] {
  return testimonyCsv.map((c) => c.value(t, origin));
}

/** The CSV column names that carry one JSON field, in column order (the data page's second column). */
export function csvColumnsOf<T>(columns: readonly CsvColumn<T>[], field: string): string[] {
  return columns.filter((c) => c.field === field).map((c) => c.name);
}

/** A CSV document from batches of records: BOM and header first, then each batch as it comes. */
export async function* csvDocument<T>(
  columns: readonly string[],
  batches: AsyncIterable<T[]>,
  row: (item: T) => CsvValue[],
): AsyncGenerator<string> {
  yield utf8Bom + csvLines([columns]);
  for await (const batch of batches) yield csvLines(batch.map(row));
}

/** The start of `{ ...meta, [key]: [`, up to the first item. */
export function jsonHead(meta: Record<string, unknown>, key: string): string {
  const head = JSON.stringify(meta);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${JSON.stringify(key)}:[`;
}

/** A JSON document `{ ...meta, [key]: [ …items ] }` from batches of records. */
export async function* jsonDocument<T>(
  meta: Record<string, unknown>,
  key: string,
  batches: AsyncIterable<T[]>,
  map: (item: T) => unknown = (x) => x,
): AsyncGenerator<string> {
  yield jsonHead(meta, key);
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? '' : ',') + batch.map((item) => JSON.stringify(map(item))).join(',');
    first = false;
  }
  yield ']}\n';
}

/** A byte stream for a Response body, pulling the next chunk only when the client reads on. */
export function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Read a whole stream as text (tests, and small documents). */
export async function textOf(chunks: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}
