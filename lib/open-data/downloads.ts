// The four bulk downloads, as streamed responses. Shared by the route handlers so each is one line.
import 'server-only';
import { getDb } from '@/db/client';
import { csvContentType, downloadResponse } from './http';
import { dataLicence } from './licence';
import { csvDocument, jsonDocument, personCsvColumns, personCsvRow, streamOf, testimonyCsvColumns, testimonyCsvRow } from './export';
import { iteratePublicPersons, personUrls } from './persons';
import { siteOrigin } from './site';
import { iteratePublicTestimonies } from './testimonies';

const jsonType = 'application/json; charset=utf-8';

function meta(origin: string) {
  return { generatedAt: new Date().toISOString(), source: origin, licence: dataLicence };
}

export async function personsDownload(format: 'csv' | 'json') {
  const db = await getDb();
  const origin = siteOrigin();
  const batches = iteratePublicPersons(db);
  return format === 'csv'
    ? downloadResponse(streamOf(csvDocument(personCsvColumns, batches, (p) => personCsvRow(p, origin))), csvContentType, 'yadman-persons.csv')
    : downloadResponse(
        streamOf(jsonDocument(meta(origin), 'persons', batches, (p) => ({ ...p, urls: personUrls(origin, p) }))),
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
    : downloadResponse(streamOf(jsonDocument(meta(origin), 'testimonies', batches)), jsonType, 'yadman-testimonies.json');
}
