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
