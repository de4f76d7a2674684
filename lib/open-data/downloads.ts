// The bulk downloads, as streamed responses. Shared by the route handlers so each is one line.
import 'server-only';
import { getDb } from '@/db/client';
import { bulkMeta } from './citation';
import { csvContentType, downloadResponse, jsonResponse } from './http';
import { csvDocument, jsonDocument, personCsvColumns, personCsvRow, streamOf, testimonyCsvColumns, testimonyCsvRow, textOf } from './export';
import { iteratePublicPersonRecords, personUrls } from './persons';
import { listRetractions, retractedCsvColumns, type Retraction } from './retracted';
import { siteOrigin } from './site';
import { iteratePublicTestimonies } from './testimonies';

const jsonType = 'application/json; charset=utf-8';

export async function personsDownload(format: 'csv' | 'json') {
  const db = await getDb();
  const origin = siteOrigin();
  // The full public record of each person: what GET /api/v1/persons/{id} answers, in id order.
  const batches = iteratePublicPersonRecords(db);
  return format === 'csv'
    ? downloadResponse(streamOf(csvDocument(personCsvColumns, batches, (p) => personCsvRow(p, origin))), csvContentType, 'yadman-persons.csv')
    : downloadResponse(
        streamOf(jsonDocument(bulkMeta(origin), 'persons', batches, (p) => ({ ...p, urls: personUrls(origin, p) }))),
        jsonType,
        'yadman-persons.json',
      );
}

export async function testimoniesDownload(format: 'csv' | 'json') {
  const db = await getDb();
  const origin = siteOrigin();
  const batches = iteratePublicTestimonies(db);
  return format === 'csv'
    ? downloadResponse(streamOf(csvDocument(testimonyCsvColumns, batches, (t) => testimonyCsvRow(t, origin))), csvContentType, 'yadman-testimonies.csv')
    : downloadResponse(streamOf(jsonDocument(bulkMeta(origin), 'testimonies', batches)), jsonType, 'yadman-testimonies.json');
}

/** Retracted ids (lib/open-data/retracted.ts): the API's JSON answer, or the same list as CSV. */
export async function retractedDownload(format: 'csv' | 'json') {
  const db = await getDb();
  const origin = siteOrigin();
  const list = await listRetractions(db);
  if (format === 'json') {
    const { generatedAt, source, licence } = bulkMeta(origin);
    return jsonResponse({ generatedAt, source, licence, data: list });
  }
  async function* once(): AsyncGenerator<Retraction[]> {
    yield list;
  }
  return downloadResponse(await textOf(csvDocument(retractedCsvColumns, once(), (r) => [r.id, r.kind, r.reason, r.mergedInto])), csvContentType, 'yadman-retracted.csv');
}
