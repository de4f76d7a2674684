import { describe, expect, it } from 'vitest';
import { parsePersonQuery } from './query';

describe('the search date filter', () => {
  it.each([
    ['2019-11-16', '2019-11-16'],
    ['۱۳۹۸/۰۸/۲۵', '2019-11-16'],
    ['1398-08-25', '2019-11-16'],
    ['۲۵ آبان ۱۳۹۸', '2019-11-16'],
    ['16/11/2019', '2019-11-16'],
  ])('reads %j as the day %s', (typed, iso) => {
    expect(parsePersonQuery({ dateFrom: typed, dateTo: typed })).toMatchObject({ dateFrom: iso, dateTo: iso });
  });

  it('leaves out what is not one day, rather than guess', () => {
    const query = parsePersonQuery({ dateFrom: 'آبان ۱۳۹۸', dateTo: '05/11/2019' });
    expect(query.dateFrom).toBeUndefined();
    expect(query.dateTo).toBeUndefined();
  });
});

describe('the search form as it is sent', () => {
  it('reads the empty fields it sends (every field, filled or not) as no filter', () => {
    const sent = new URLSearchParams('q=Arash&province=&city=&dateFrom=&dateTo=&ageMin=&ageMax=&children=&gender=&outcome=&perpetrator=&verification=&sort=');
    expect(parsePersonQuery(sent)).toEqual({ q: 'Arash' });
  });

  it('reads ages typed in either script, and nothing else, as ages', () => {
    expect(parsePersonQuery({ ageMin: ' ۱۵ ', ageMax: '18' })).toEqual({ ageMin: 15, ageMax: 18 });
    expect(parsePersonQuery({ ageMin: 'x', ageMax: '1e2' })).toEqual({});
  });
});
