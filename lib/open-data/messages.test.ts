import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import { publicPersonKeys, publicTestimonyKeys } from '@/lib/memorial/dto';
import { documentedFields } from './documentation';
import { retractionKeys } from './retracted';

describe('the data page documents every public field', () => {
  for (const [locale, catalogue] of Object.entries({ fa, en })) {
    it(`in ${locale}`, () => {
      const fields = (catalogue as unknown as { OpenData: { fields: Record<keyof typeof documentedFields, Record<string, string>> } }).OpenData.fields;
      expect(Object.keys(fields.person).sort()).toEqual([...publicPersonKeys, 'urls'].sort());
      expect(Object.keys(fields.testimony).sort()).toEqual([...publicTestimonyKeys].sort());
      expect(Object.keys(fields.retraction).sort()).toEqual([...retractionKeys].sort());
      // Every documented row has its meaning, in every kind (the page would show a raw key otherwise).
      for (const kind of Object.keys(documentedFields) as (keyof typeof documentedFields)[]) {
        expect(Object.keys(fields[kind]).sort(), kind).toEqual(documentedFields[kind].map((f) => f.key).sort());
        for (const text of Object.values(fields[kind])) expect(text.trim(), kind).not.toBe('');
      }
    });
  }

  it('names every CSV column once, each under the JSON field it carries', () => {
    for (const kind of ['person', 'testimony', 'retraction'] as const) {
      const columns = documentedFields[kind].flatMap((f) => f.csv);
      expect(new Set(columns).size, kind).toBe(columns.length);
      for (const f of documentedFields[kind]) expect(f.csv.length, `${kind}.${f.key} has no CSV column`).toBeGreaterThan(0);
    }
  });
});
