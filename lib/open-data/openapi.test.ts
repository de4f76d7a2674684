import { describe, expect, it } from 'vitest';
import { publicPersonKeys, publicPersonSummaryKeys, publicTestimonyKeys } from '@/lib/memorial/dto';
import { jsonDocument, textOf } from './export';
import { openApiDocument, openApiSchemas } from './openapi';
import { retractionKeys } from './retracted';

const sorted = (keys: readonly string[]) => [...keys].sort();

describe('OpenAPI document', () => {
  it('describes exactly the fields of each public object', () => {
    expect(sorted(Object.keys(openApiSchemas.PersonSummary.properties))).toEqual(sorted([...publicPersonSummaryKeys, 'urls']));
    expect(sorted(Object.keys(openApiSchemas.Person.properties))).toEqual(sorted([...publicPersonKeys, 'urls']));
    expect(sorted(Object.keys(openApiSchemas.Testimony.properties))).toEqual(sorted(publicTestimonyKeys));
    expect(sorted(Object.keys(openApiSchemas.Retraction.properties))).toEqual(sorted(retractionKeys));
  });

  it('is OpenAPI 3.1 with every endpoint and download', () => {
    const doc = openApiDocument('https://yadman.example');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://yadman.example/api/v1' }]);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/persons', '/persons/{id}', '/testimonies', '/retracted', '/retracted.csv', '/audit/checkpoints', '/persons.csv', '/persons.json', '/testimonies.csv', '/testimonies.json'].sort(),
    );
  });
});

describe('streamed JSON documents', () => {
  async function* batches<T>(...lists: T[][]) {
    yield* lists;
  }

  it('are valid JSON however the records are batched', async () => {
    for (const input of [[], [[]], [[1, 2], [], [3]], [[{ a: 'آ' }]]] as unknown[][][]) {
      const text = await textOf(jsonDocument({ licence: 'x' }, 'items', batches(...input)));
      expect(JSON.parse(text)).toEqual({ licence: 'x', items: input.flat() });
    }
    expect(JSON.parse(await textOf(jsonDocument({}, 'items', batches([1]))))).toEqual({ items: [1] });
  });
});
