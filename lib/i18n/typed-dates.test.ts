import { describe, expect, it } from 'vitest';
import { parseListDate } from './typed-dates';

describe('parseListDate', () => {
  it.each([
    ['2019-11-16', '2019-11-16', 'exact'],
    ['۱۳۹۸/۰۸/۲۵', '2019-11-16', 'exact'],
    ['1398-08', '2019-10-23', 'month'],
    ['2019', '2019-01-01', 'year'],
    ['16/11/2019', '2019-11-16', 'exact'],
    ['16.11.2019', '2019-11-16', 'exact'],
    ['11/16/2019', '2019-11-16', 'exact'],
    ['۲۵/۰۸/۱۳۹۸', '2019-11-16', 'exact'],
    ['25 آبان 1398', '2019-11-16', 'exact'],
    ['۲۵ آبان ۱۳۹۸', '2019-11-16', 'exact'],
    ['آبان ۱۳۹۸', '2019-10-23', 'month'],
    ['25 Aban 1398', '2019-11-16', 'exact'],
    ['16 November 2019', '2019-11-16', 'exact'],
    ['16 Nov 2019', '2019-11-16', 'exact'],
    ['November 16, 2019', '2019-11-16', 'exact'],
    ['Nov 2019', '2019-11-01', 'month'],
    ['۱۶ نوامبر ۲۰۱۹', '2019-11-16', 'exact'],
    ['11/11/2019', '2019-11-11', 'exact'],
  ])('reads %j as %s (%s)', (raw, iso, precision) => {
    expect(parseListDate(raw)).toEqual({ iso, precision });
  });

  it('refuses a day and month that could be swapped, rather than guess', () => {
    expect(parseListDate('05/11/2019')).toBe('ambiguous');
    expect(parseListDate('۰۵/۰۸/۱۳۹۸')).toBe('ambiguous');
  });

  it.each(['2019-02-30', '2999-01-01', 'yesterday', '25 آبان 2019', '16 November 1398', '32/11/2019', 'November', ''])('refuses %j', (raw) => {
    expect(parseListDate(raw)).toBe('invalid');
  });
});
