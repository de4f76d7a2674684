// The OpenAPI 3.1 description of /api/v1. Object schemas are written against the projection's key
// lists (lib/memorial/dto.ts); openapi.test.ts fails if a schema and its key list disagree.
import { provinceCodes } from '@/lib/geo/provinces';
import { genderOptions, outcomeOptions, perpetratorOptions, verificationOptions } from '@/lib/memorial/query';
import { apiDefaultLimit, apiMaxLimit } from './api-query';
import { dataLicence } from './licence';

const str = { type: 'string' } as const;
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
const date = nullable('string', { format: 'date' });
const precision = nullable('string', { enum: ['exact', 'month', 'year', 'approximate', 'early', 'mid', 'late', null] });
const urls = { type: 'object', properties: { fa: str, en: str }, required: ['fa', 'en'] };

const summaryProperties = {
  id: { type: 'string', format: 'uuid' },
  slug: str,
  collectionSlug: str,
  nameFa: { ...str, description: 'Name in Persian script' },
  nameLatin: nullable('string', { description: 'Latin transliteration' }),
  gender: { type: 'string', enum: genderOptions },
  age: nullable('integer', { description: 'Age at the incident' }),
  incidentDate: { ...date, description: 'Read with incidentDatePrecision (a month-precise date is the 1st)' },
  incidentDatePrecision: precision,
  province: nullable('string', { enum: [...provinceCodes, null], description: 'ISO 3166-2:IR code' }),
  city: nullable('string'),
  outcome: { type: 'string', enum: outcomeOptions },
  perpetrator: { type: 'string', enum: perpetratorOptions, description: 'Alleged perpetrator' },
  verification: { type: 'string', enum: verificationOptions },
  publishedAt: nullable('string', { format: 'date-time' }),
};

const image = { type: 'object', properties: { id: str, src: str, caption: nullable('string') }, required: ['id', 'src', 'caption'] };

const personProperties = {
  ...summaryProperties,
  collection: { type: 'object', properties: { slug: str, nameFa: str, nameEn: str }, required: ['slug', 'nameFa', 'nameEn'] },
  fatherNameFa: nullable('string'),
  fatherNameLatin: nullable('string'),
  otherNames: { type: 'array', items: str },
  birthYear: nullable('integer'),
  occupation: nullable('string'),
  place: nullable('string'),
  cause: nullable('string'),
  aftermath: { type: 'array', items: str },
  sensitiveContent: { type: 'boolean' },
  portrait: { oneOf: [image, { type: 'null' }] },
  sources: { type: 'array', items: { type: 'object', properties: { url: str, title: nullable('string') }, required: ['url', 'title'] } },
  testimonyCount: { type: 'integer' },
  updatedAt: { type: 'string', format: 'date-time' },
};

const yearSolarHijri = { ...nullable('integer'), description: 'The same year in the Solar Hijri calendar (of the same day)' };
const credit = {
  description: 'As the submitter consented: anonymous, by relationship ("his mother, 2020") or by a chosen name',
  oneOf: [
    { type: 'object', properties: { kind: { const: 'anonymous' } }, required: ['kind'] },
    { type: 'object', properties: { kind: { const: 'relationship' }, relationship: str, year: nullable('integer'), yearSolarHijri: yearSolarHijri }, required: ['kind', 'relationship', 'year', 'yearSolarHijri'] },
    { type: 'object', properties: { kind: { const: 'name' }, name: str, year: nullable('integer'), yearSolarHijri: yearSolarHijri }, required: ['kind', 'name', 'year', 'yearSolarHijri'] },
  ],
};

const testimonyProperties = {
  id: { type: 'string', format: 'uuid' },
  personIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
  language: str,
  hand: { type: 'string', enum: ['first', 'second'] },
  credit,
  narrative: { ...str, description: 'The moderator-approved, redacted text' },
  eventDate: date,
  eventDatePrecision: precision,
  place: nullable('string'),
  attachments: { type: 'array', items: { ...image, properties: { ...image.properties, kind: str, mime: str }, required: [...image.required, 'kind', 'mime'] } },
  publishedAt: nullable('string', { format: 'date-time' }),
};

const object = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties, required: Object.keys(properties) });
const retractionProperties = {
  id: { type: 'string', format: 'uuid' },
  kind: { type: 'string', enum: ['person', 'testimony'] },
  reason: { type: 'string', enum: ['merged', 'removed'], description: '`merged`: the record continues as `mergedInto`; `removed`: taken down or withdrawn' },
  mergedInto: { ...nullable('string', { format: 'uuid' }), description: 'The public person a merged record now belongs to' },
};
export const openApiSchemas = {
  PersonSummary: object({ ...summaryProperties, urls }),
  Person: object({ ...personProperties, urls }),
  Testimony: object(testimonyProperties),
  Retraction: object(retractionProperties),
  AuditCheckpoint: object({
    id: { type: 'integer' },
    entries: { type: 'integer', description: 'How many entries the chain held; the head is the entries-th in id order' },
    headId: { type: 'integer' },
    headHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    createdAt: { type: 'string', format: 'date-time' },
    reason: { type: 'string', enum: ['daily', 'export', 'manual'] },
    keyId: str,
    signature: { ...str, description: 'Ed25519 signature, base64' },
  }),
};

const limitParam = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: apiMaxLimit, default: apiDefaultLimit } };
const cursorParams = [
  { name: 'cursor', in: 'query', schema: str, description: 'Where the page starts: take it from pagination.next of the previous page' },
  limitParam,
];
const filter = (name: string, schema: object, description?: string) => ({ name, in: 'query', schema, ...(description ? { description } : {}) });
const cursorPagination = {
  type: 'object',
  properties: { limit: { type: 'integer' }, next: { ...nullable('string'), description: 'The next page, or null on the last one' } },
};
const totalledPagination = {
  type: 'object',
  properties: { ...cursorPagination.properties, total: { type: 'integer', description: 'How many match, on all pages' } },
};
const countedPagination = {
  type: 'object',
  properties: {
    ...cursorPagination.properties,
    total: { type: 'integer', description: 'How many match, on all pages; with `more`, a lower bound (counting stops past 200)' },
    more: { type: 'boolean', description: 'More than `total` match' },
  },
};
const list = (item: string, paging: object) => ({
  description: 'One page',
  content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, pagination: paging } } } },
});
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { error: str, issues: { type: 'array', items: str } }, required: ['error'] } } },
});
const file = (type: string, description: string) => ({ get: { summary: description, responses: { 200: { description, content: { [type]: {} } } } } });

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Yadman open data',
      version: '1.0.0',
      description: 'Published persons and testimonies of the Yadman memorial. Only published, reviewed records; testimonies in their redacted form, credited as their authors consented.',
      license: { name: dataLicence.name, url: dataLicence.url },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      '/persons': {
        get: {
          summary: 'Published persons, newest publications first',
          parameters: [
            ...cursorParams,
            filter('province', { type: 'string', enum: provinceCodes }, 'ISO 3166-2:IR code'),
            filter('outcome', { type: 'string', enum: outcomeOptions }),
            filter('perpetrator', { type: 'string', enum: perpetratorOptions }),
            filter('gender', { type: 'string', enum: genderOptions }),
            filter('verification', { type: 'string', enum: verificationOptions }),
            filter('collection', str, 'Collection slug'),
            filter('from', { type: 'string', format: 'date' }, 'Incident on or after (yyyy-mm-dd)'),
            filter('to', { type: 'string', format: 'date' }, 'Incident on or before (yyyy-mm-dd)'),
          ],
          responses: { 200: list('PersonSummary', countedPagination), 400: error('Unknown or invalid parameter') },
        },
      },
      '/persons/{id}': {
        get: {
          summary: 'One published person',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            200: { description: 'The person', content: { 'application/json': { schema: { type: 'object', properties: { data: { $ref: '#/components/schemas/Person' } } } } } },
            404: error('No published person has this id'),
          },
        },
      },
      '/testimonies': {
        get: {
          summary: 'Published testimonies, newest first',
          parameters: [...cursorParams, filter('person', { type: 'string', format: 'uuid' }, "Only this person's testimonies")],
          responses: { 200: list('Testimony', totalledPagination), 400: error('Unknown or invalid parameter') },
        },
      },
      '/retracted': {
        get: {
          summary: 'Ids once published and no longer public (taken down, withdrawn, merged): remove them from earlier copies',
          responses: {
            200: {
              description: 'Every retracted id, on one page',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      generatedAt: { type: 'string', format: 'date-time' },
                      source: str,
                      licence: { type: 'object' },
                      data: { type: 'array', items: { $ref: '#/components/schemas/Retraction' } },
                    },
                    required: ['generatedAt', 'source', 'licence', 'data'],
                  },
                },
              },
            },
          },
        },
      },
      '/retracted.csv': file('text/csv', 'The same retracted ids (UTF-8 CSV with BOM): id, kind, reason, merged_into'),
      '/audit/checkpoints': {
        get: {
          summary: 'Signed checkpoints of the audit chain, oldest first, and the Ed25519 key that signs them',
          description:
            'Each checkpoint signs, with Ed25519, the text "yadman audit checkpoint v1\\nentries N\\nhead-id I\\nhead-hash H\\ntime T\\nkey K\\n". Save the document: `npm run audit:verify -- --checkpoint FILE` proves later that the audit chain still extends it. Nothing private is in it.',
          parameters: [filter('before', { type: 'integer', minimum: 1 }, 'Only checkpoints with a smaller id (the 1,000 before it)')],
          responses: {
            200: {
              description: 'The checkpoints',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      algorithm: { const: 'Ed25519' },
                      publicKey: { ...str, description: 'The raw 32-byte public key, base64' },
                      keyId: { ...str, description: 'First 16 hex digits of the SHA-256 of the public key' },
                      checkpoints: { type: 'array', items: { $ref: '#/components/schemas/AuditCheckpoint' } },
                    },
                    required: ['algorithm', 'publicKey', 'keyId', 'checkpoints'],
                  },
                },
              },
            },
            400: error('Invalid parameter'),
          },
        },
      },
      '/persons.csv': file('text/csv', 'All published persons, full records (UTF-8 CSV with BOM)'),
      '/persons.json': file('application/json', 'All published persons, each as /persons/{id} gives it'),
      '/testimonies.csv': file('text/csv', 'All published testimonies (UTF-8 CSV with BOM)'),
      '/testimonies.json': file('application/json', 'All published testimonies'),
    },
    components: { schemas: openApiSchemas },
  };
}
