import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import { publicPersonKeys, publicTestimonyKeys } from '@/lib/memorial/dto';

describe('the data page documents every public field', () => {
  for (const [locale, catalogue] of Object.entries({ fa, en })) {
    it(`in ${locale}`, () => {
      const fields = (catalogue as unknown as { OpenData: { fields: Record<'person' | 'testimony', Record<string, string>> } })
        .OpenData.fields;
      expect(Object.keys(fields.person).sort()).toEqual([...publicPersonKeys, 'urls'].sort());
      expect(Object.keys(fields.testimony).sort()).toEqual([...publicTestimonyKeys].sort());
    });
  }
});
