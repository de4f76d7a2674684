import { describe, expect, it } from 'vitest';
import { provinces } from '../geo/provinces';
import { parseListProvince } from './list-values';

describe('parseListProvince', () => {
  it('reads every official name in both scripts and the ISO code', () => {
    for (const p of provinces) {
      expect([parseListProvince(p.nameFa), parseListProvince(p.nameEn), parseListProvince(p.code)]).toEqual([p.code, p.code, p.code]);
    }
  });

  it.each([
    ['Khorasan Razavi', 'IR-09'],
    ['Khorasan-e Razavi', 'IR-09'],
    ['خراسان‌رضوی', 'IR-09'],
    ['Kohgiluyeh and Boyer-Ahmad', 'IR-17'],
    ['Kohgiluyeh & Boyer Ahmad', 'IR-17'],
    ['کهگیلویه و بویراحمد', 'IR-17'],
    ['Sistan and Baluchistan', 'IR-11'],
    ['Sistan-Baluchestan', 'IR-11'],
    ['Chaharmahal and Bakhtiari', 'IR-14'],
    ['East Azarbaijan', 'IR-03'],
    ['Azarbaijan-e Gharbi', 'IR-04'],
    ['آذربایجان‌غربی', 'IR-04'],
    ['Tehran Province', 'IR-23'],
    ['استان تهران', 'IR-23'],
    ['Esfahan', 'IR-10'],
    ['Kordestan', 'IR-12'],
    ['Khouzestan', 'IR-06'],
    ['North Khorasan', 'IR-28'],
    ['Khorasan-e Jonubi', 'IR-29'],
  ])('reads %j as %s', (raw, code) => {
    expect(parseListProvince(raw)).toBe(code);
  });

  it.each(['Atlantis', 'Khorasan', 'Azarbaijan', ''])('does not guess %j', (raw) => {
    expect(parseListProvince(raw)).toBeNull();
  });
});
