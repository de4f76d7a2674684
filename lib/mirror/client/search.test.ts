import { describe, expect, it } from 'vitest';
import { entryKeys, matchPersons, type IndexEntry } from './search';

const entries: IndexEntry[] = [
  ['reza-gholipour-1', 'رضا قلی‌پور', 'Reza Gholipour'],
  ['mohammad-hosseini-2', 'محمد حسینی', 'Mohammad Hosseini'],
  ['no-latin-3', 'کیان پیرفلک', 0],
];
const keys = entries.map(entryKeys);
const find = (q: string) => matchPersons(entries, keys, q).map((i) => entries[i]![0]);

describe('the mirror search', () => {
  it('folds Latin spellings as the site does', () => {
    expect(find('Gholipur')).toEqual(['reza-gholipour-1']);
    expect(find('muhamad husaini')).toEqual(['mohammad-hosseini-2']);
    expect(find('Ghasem')).toEqual([]);
  });

  it('folds Arabic letters, ZWNJ and partial words in Persian', () => {
    expect(find('قلي')).toEqual(['reza-gholipour-1']); // Arabic yeh
    expect(find('كيان')).toEqual(['no-latin-3']); // Arabic kaf
    expect(find('رضا پور')).toEqual(['reza-gholipour-1']);
    expect(find('  ')).toEqual([]);
  });
});
