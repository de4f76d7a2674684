import { describe, expect, it } from 'vitest';
import type { PublicPerson } from '@/lib/memorial/dto';
import { personJsonLd } from './person-json-ld';

const person = {
  id: '3f6c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f',
  slug: 'arash-example',
  collectionSlug: 'aban-1398',
  collection: { slug: 'aban-1398', nameFa: 'آبان ۹۸', nameEn: 'Aban 1398' },
  nameFa: 'آرش',
  nameLatin: 'Arash',
  otherNames: ['Arash E.'],
  gender: 'male',
  outcome: 'killed',
  incidentDate: '2019-11-16',
  city: 'Tehran',
  birthYear: 1995,
  occupation: null,
  publishedAt: '2020-01-05T10:00:00.000Z',
  updatedAt: '2021-03-04T05:06:07.000Z',
} as unknown as PublicPerson;

describe("a person page's JSON-LD", () => {
  it('is the record (id, dates, collection) about the person, every URL on the configured origin', () => {
    const ld = personJsonLd(person, 'en', 'https://yadman.example');
    const url = 'https://yadman.example/en/persons/arash-example-3f6c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f';
    expect(ld).toMatchObject({
      '@type': 'ProfilePage',
      url,
      identifier: person.id,
      datePublished: person.publishedAt,
      dateModified: person.updatedAt,
      isPartOf: { '@type': 'Collection', name: 'Aban 1398', identifier: 'aban-1398', '@id': 'https://yadman.example/en/search?collection=aban-1398' },
      mainEntity: { '@type': 'Person', '@id': url, identifier: person.id, name: 'Arash', alternateName: ['آرش', 'Arash E.'], deathDate: '2019-11-16', birthDate: '1995' },
    });
    expect(JSON.stringify(ld).match(/https?:\/\/[^"/]+/g)!.filter((o) => o !== 'https://yadman.example' && o !== 'https://schema.org')).toEqual([]);
  });
});
