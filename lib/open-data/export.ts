// Bulk downloads (CSV and JSON) of the public projection, streamed batch by batch so that a large
// memorial never sits in memory whole. CSV columns are flat and named in English snake_case.
import { provinces } from '@/lib/geo/provinces';
import type { PublicPersonSummary, PublicTestimony } from '@/lib/memorial/dto';
import { csvLines, utf8Bom, type CsvValue } from './csv';
import { personUrls } from './persons';

export const personCsvColumns = [
  'id', 'name_fa', 'name_latin', 'gender', 'age', 'incident_date', 'incident_date_precision',
  'province_code', 'province_fa', 'province_en', 'city', 'outcome', 'perpetrator', 'verification',
  'collection', 'published_at', 'url_fa', 'url_en',
] as const;

export function personCsvRow(p: PublicPersonSummary, origin: string): CsvValue[] {
  const province = provinces.find((x) => x.code === p.province);
  const urls = personUrls(origin, p);
  return [
    p.id, p.nameFa, p.nameLatin, p.gender, p.age, p.incidentDate, p.incidentDatePrecision,
    p.province, province?.nameFa, province?.nameEn, p.city, p.outcome, p.perpetrator, p.verification,
    p.collectionSlug, p.publishedAt, urls.fa, urls.en,
  ];
}

export const testimonyCsvColumns = [
  'id', 'person_ids', 'language', 'hand', 'credit_kind', 'credit_relationship', 'credit_name',
  'credit_year', 'event_date', 'event_date_precision', 'place', 'narrative', 'attachment_urls', 'published_at',
] as const;

export function testimonyCsvRow(t: PublicTestimony, origin: string): CsvValue[] {
  const c = t.credit;
  return [
    t.id, t.personIds.join(' '), t.language, t.hand, c.kind,
    c.kind === 'relationship' ? c.relationship : null,
    c.kind === 'name' ? c.name : null,
    c.kind === 'anonymous' ? null : c.year,
    t.eventDate, t.eventDatePrecision, t.place, t.narrative,
    t.attachments.map((a) => origin + a.src).join(' '), t.publishedAt,
  ];
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
