import { describe, expect, it } from 'vitest';
import { guessMapping } from './fields';
import { readRow } from './row';

describe('guessMapping', () => {
  it('maps English and Persian headers, each column once', () => {
    expect(guessMapping(['Name', 'نام', 'نام پدر', 'Age', 'Date of death', 'استان', 'City', 'Status', 'Source URL', 'notes'])).toEqual({
      nameLatin: 0,
      nameFa: 1,
      fatherNameFa: 2,
      age: 3,
      incidentDate: 4,
      province: 5,
      city: 6,
      outcome: 7,
      sourceUrl: 8,
    });
  });
});

describe('readRow', () => {
  const mapping = {
    columns: { nameFa: 0, nameLatin: 1, gender: 2, age: 3, incidentDate: 4, province: 5, outcome: 6, sourceUrl: 7, birthYear: 8 },
    defaultOutcome: null,
  };

  it('turns words and Persian digits into field values', () => {
    const { person, errors } = readRow(['علي قلي‌پور', 'Ali Gholipour', 'مرد', '۱۹', '1398/08/25', 'Fars', 'جان باخته', 'https://example.org/a', '۱۳۷۹'], mapping);
    expect(errors).toEqual({});
    expect(person).toMatchObject({ nameFa: 'علي قلي‌پور', gender: 'male', age: 19, incidentDate: '2019-11-16', incidentDatePrecision: 'exact', province: 'IR-07', outcome: 'killed', birthYear: 2000 });
    // The name is searchable with the usual normalization (Arabic yeh → Persian yeh, ZWNJ → space).
    expect(person!.nameSearch).toContain('علی قلی پور');
  });

  it('reports each bad cell by field', () => {
    const { person, errors } = readRow(['', '', 'x', '200', 'yesterday', 'Atlantis', '', 'javascript:alert(1)', ''], mapping);
    expect(person).toBeNull();
    expect(errors).toEqual({ name: 'nameMissing', gender: 'unknownValue', age: 'invalid', incidentDate: 'invalidDate', province: 'unknownValue', outcome: 'outcomeMissing', sourceUrl: 'invalidUrl' });
  });

  it('uses the default outcome only for empty cells, never for unknown words', () => {
    const withDefault = { ...mapping, defaultOutcome: 'killed' };
    expect(readRow(['رضا', '', '', '', '', '', '', '', ''], withDefault).person?.outcome).toBe('killed');
    expect(readRow(['رضا', '', '', '', '', '', 'maybe', '', ''], withDefault).errors).toEqual({ outcome: 'unknownValue' });
  });
});
