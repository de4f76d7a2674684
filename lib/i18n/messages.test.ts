import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import fa from './messages/fa.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe('message catalogues', () => {
  it('Persian and English have the same keys', () => {
    expect(keys(fa).sort()).toEqual(keys(en).sort());
  });

  it('no message is empty', () => {
    for (const catalogue of [fa, en]) {
      for (const leaf of leaves(catalogue)) expect(typeof leaf === 'string' && leaf.trim()).toBeTruthy();
    }
  });

  it('a username, or a person\'s name in a sentence shown on a page, is isolated (<isolate>: <bdi>)', () => {
    // Names in attributes, feeds and page titles (alt, meta, RSS) cannot carry <bdi>; these are the
    // sentences of the page itself.
    const personNames = ['Person.testimonyOf', 'Persons.removeAlias', 'Publication.personHeading'];
    const at = (catalogue: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
    for (const catalogue of [fa, en]) {
      for (const key of keys(catalogue)) {
        const message = at(catalogue, key);
        expect(message.replaceAll('<isolate>{username}</isolate>', ''), key).not.toContain('{username}');
      }
      for (const key of personNames) expect(at(catalogue, key), key).toContain('<isolate>{name}</isolate>');
    }
  });
});
