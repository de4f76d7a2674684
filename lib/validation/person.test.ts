import { describe, expect, it } from 'vitest';
import { personFormSchema, toPersonPatch, wrongScript } from './person';

const posted = { personId: '6f1c1d52-4a6e-4f0c-9a55-0d8f5c6f1a11', locale: 'fa', version: '3', nameFa: 'سحر نمونه', outcome: 'killed', status: 'draft', verification: 'unverified' };

describe('the person editor schema', () => {
  it('warns of a name in the other script, and not of a name in its own', () => {
    expect(wrongScript('nameFa', 'Sahar')).toBe(true);
    expect(wrongScript('nameFa', 'سحر')).toBe(false);
    expect(wrongScript('nameLatin', 'سحر')).toBe(true);
    expect(wrongScript('nameLatin', 'Sahar')).toBe(false);
    expect(wrongScript('fatherNameFa', 'Rahim')).toBe(true);
    expect(wrongScript('nameFa', '')).toBe(false);
  });

  it('reads every public field as posted, digits in any script, one or several aftermath tags', () => {
    const parsed = personFormSchema.parse({ ...posted, age: '۲۹', birthYear: '1990', province: 'IR-23', aftermath: 'family_threatened', incidentDate: '2019-11-16', incidentDatePrecision: 'month', sensitiveContent: 'on' });
    expect(parsed).toMatchObject({ age: 29, birthYear: 1990, province: 'IR-23', aftermath: ['family_threatened'], incidentDate: '2019-11-16', incidentDatePrecision: 'month', sensitiveContent: true, cause: null });
    expect(personFormSchema.parse({ ...posted, aftermath: ['body_withheld', 'fee_demanded'] }).aftermath).toEqual(['body_withheld', 'fee_demanded']);
  });

  it('refuses unknown values and a precision without a date, each beside its field', () => {
    const result = personFormSchema.safeParse({ ...posted, outcome: 'martyred', province: 'IR-99', age: '200', incidentDatePrecision: 'exact', aftermath: 'nonsense' });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['outcome', 'province', 'age', 'aftermath']));
    const noDate = personFormSchema.safeParse({ ...posted, incidentDatePrecision: 'exact' });
    expect(noDate.error!.issues.map((i) => [i.path[0], i.message])).toEqual([['incidentDate', 'required']]);
  });

  it('stores no date when the precision is "no date"', () => {
    const { personId: _p, locale: _l, returnTo: _r, version: _v, ...fields } = personFormSchema.parse({ ...posted, incidentDate: '2019-11-16', incidentDatePrecision: 'unknown' });
    expect(toPersonPatch(fields)).toMatchObject({ incidentDate: null, incidentDatePrecision: null });
  });
});
