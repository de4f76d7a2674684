import { describe, expect, it } from 'vitest';
import { aboutSchema, accountSchema, consentSchema, resolveDate, startSchema } from './testimony';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('step schemas', () => {
  it('about: a chosen person or a proposed name is required', () => {
    expect(issues(aboutSchema.safeParse({}))).toEqual({ newNameFa: 'personRequired' });
    expect(aboutSchema.safeParse({ personId: '00000000-0000-4000-8000-000000000000' }).success).toBe(true);
    expect(issues(aboutSchema.safeParse({ personId: 'nope' }))).toHaveProperty('personId');
  });

  it('about: a proposed person needs what happened, and its date must exist; Persian digits count', () => {
    expect(issues(aboutSchema.safeParse({ newNameFa: 'علی' }))).toEqual({ newOutcome: 'required' });
    const ok = aboutSchema.safeParse({ newNameFa: 'علی', newOutcome: 'killed', newAge: '۱۷', newAftermath: 'body_withheld', newIncidentPrecision: 'exact', newIncidentYear: '۱۳۹۸', newIncidentMonth: '8', newIncidentDay: '24' });
    expect(ok.success).toBe(true);
    expect(ok.data).toMatchObject({ newAge: 17, newAftermath: ['body_withheld'] });
    expect(issues(aboutSchema.safeParse({ newNameFa: 'علی', newOutcome: 'killed', newIncidentPrecision: 'exact', newIncidentYear: '1398', newIncidentMonth: '7', newIncidentDay: '31' }))).toEqual({ newIncidentYear: 'dateInvalid' });
    expect(issues(aboutSchema.safeParse({ newNameFa: 'علی', newOutcome: 'killed', newAge: '200' }))).toEqual({ newAge: 'invalid' });
    expect(issues(aboutSchema.safeParse({ newNameFa: 'علی', newOutcome: 'killed', newAftermath: ['made_up'] }))).toHaveProperty('newAftermath');
  });

  it('account: relationship, hand and narrative are required; a month-only date needs no day', () => {
    expect(issues(accountSchema.safeParse({}))).toEqual({ relationship: 'required', hand: 'required', narrative: 'required' });
    const ok = accountSchema.safeParse({ relationship: 'mother', hand: 'first', narrative: ' متن ', eventPrecision: 'month', eventCalendar: 'persian', eventYear: '1398', eventMonth: '8' });
    expect(ok.success).toBe(true);
    expect(resolveDate(ok.data as Record<string, unknown>, 'event')).toEqual({ iso: '2019-10-23', precision: 'month' });
    expect(issues(accountSchema.safeParse({ relationship: 'mother', hand: 'first', narrative: 'x', eventPrecision: 'exact', eventYear: '1398', eventMonth: '8' }))).toEqual({ eventYear: 'dateIncomplete' });
    expect(issues(accountSchema.safeParse({ relationship: 'mother', hand: 'first', narrative: 'x', eventPrecision: 'exact', eventCalendar: 'gregorian', eventYear: '2999', eventMonth: '1', eventDay: '1' }))).toEqual({ eventYear: 'dateFuture' });
    // «آبان ۹۸» typed as the year 98: asked for in full, not kept as a date 1,300 years early.
    expect(issues(accountSchema.safeParse({ relationship: 'mother', hand: 'first', narrative: 'x', eventPrecision: 'exact', eventCalendar: 'persian', eventYear: '۹۸', eventMonth: '8', eventDay: '26' }))).toEqual({ eventYear: 'dateYearShort' });
    expect(issues(accountSchema.safeParse({ relationship: 'mother', hand: 'first', narrative: 'x', eventPrecision: 'exact', eventCalendar: 'persian', eventYear: '۱۳۹۸', eventMonth: '8', eventDay: '26' }))).toEqual({});
  });

  it('a part of a month («اواخر آبان») needs no day and is stored as the month\'s first day; an approximate date needs its day', () => {
    const base = { relationship: 'mother', hand: 'first', narrative: 'x', eventCalendar: 'persian', eventYear: '۱۳۹۸', eventMonth: '8' };
    for (const part of ['early', 'mid', 'late'] as const) {
      const ok = accountSchema.safeParse({ ...base, eventPrecision: part, eventDay: '25' });
      expect(ok.success).toBe(true);
      expect(resolveDate(ok.data as Record<string, unknown>, 'event')).toEqual({ iso: '2019-10-23', precision: part });
    }
    const approximate = accountSchema.safeParse({ ...base, eventPrecision: 'approximate', eventDay: '25' });
    expect(resolveDate(approximate.data as Record<string, unknown>, 'event')).toEqual({ iso: '2019-11-16', precision: 'approximate' });
    expect(issues(accountSchema.safeParse({ ...base, eventPrecision: 'approximate' }))).toEqual({ eventYear: 'dateIncomplete' });
  });

  it('consent: nothing answered is the most protective choice; a chosen name needs the name', () => {
    expect(consentSchema.parse({})).toEqual({ publish: 'documentation_only', credit: 'anonymous', creditName: '', portraitPublic: 'no', exactPlacePublic: 'no', mayContact: 'no' });
    expect(issues(consentSchema.safeParse({ credit: 'chosen_name' }))).toEqual({ creditName: 'required' });
  });

  it('start: the token is a random URL-safe string', () => {
    expect(startSchema.safeParse({ locale: 'fa', token: 'abcdefghijklmnopqrstuvwx' }).success).toBe(true);
    expect(startSchema.safeParse({ locale: 'fa', token: 'short' }).success).toBe(false);
  });
});

describe('a date typed without choosing how precise it is (walk finding C)', () => {
  const base = { relationship: 'mother', hand: 'first', narrative: 'x', eventCalendar: 'persian' };
  it('is kept: a day makes it exact, a month alone the month; nothing typed stays no date', () => {
    const exact = accountSchema.safeParse({ ...base, eventYear: '۱۳۹۸', eventMonth: '8', eventDay: '26' });
    expect(resolveDate(exact.data as Record<string, unknown>, 'event')).toEqual({ iso: '2019-11-17', precision: 'exact' });
    const month = accountSchema.safeParse({ ...base, eventYear: '1398', eventMonth: '8' });
    expect(resolveDate(month.data as Record<string, unknown>, 'event')).toEqual({ iso: '2019-10-23', precision: 'month' });
    expect(resolveDate(accountSchema.parse(base) as Record<string, unknown>, 'event')).toEqual({ iso: null, precision: null });
  });
  it('asks for the month when only a year (or a day) was typed, next to the year', () => {
    expect(issues(accountSchema.safeParse({ ...base, eventYear: '1398' }))).toEqual({ eventYear: 'datePartial' });
    expect(issues(accountSchema.safeParse({ ...base, eventDay: '3' }))).toEqual({ eventYear: 'datePartial' });
    expect(issues(aboutSchema.safeParse({ newNameFa: 'علی', newOutcome: 'killed', newIncidentYear: '1398' }))).toEqual({ newIncidentYear: 'datePartial' });
  });
});

describe('numbers typed in words (issue 18)', () => {
  it('an age in words is told to use digits; digits out of range are not valid', async () => {
    const { optionalInt } = await import('./testimony');
    const age = optionalInt(0, 130);
    expect(age.safeParse('هفده').error?.issues[0]?.message).toBe('notANumber');
    expect(age.safeParse('۱۷').data).toBe(17);
    expect(age.safeParse('200').error?.issues.map((i) => i.message)).toEqual(['invalid']);
  });
});
