// Iran's 31 provinces. `code` is the ISO 3166-2:IR subdivision code and is what the database
// stores (persons.province; the list of codes is db/province-codes.ts, which the schema's CHECK
// constraint reads); `nameEn` matches `name:en` in shared/data/iran-provinces.geojson exactly, so the
// statistics map can join on it. Pure data: safe to import from client code.
import { provinceCodes, type ProvinceCode } from '@/db/province-codes';

export { provinceCodes, type ProvinceCode };

const names: Record<ProvinceCode, { nameFa: string; nameEn: string }> = {
  'IR-00': { nameFa: 'مرکزی', nameEn: 'Markazi' },
  'IR-01': { nameFa: 'گیلان', nameEn: 'Gilan' },
  'IR-02': { nameFa: 'مازندران', nameEn: 'Mazandaran' },
  'IR-03': { nameFa: 'آذربایجان شرقی', nameEn: 'East Azerbaijan' },
  'IR-04': { nameFa: 'آذربایجان غربی', nameEn: 'West Azerbaijan' },
  'IR-05': { nameFa: 'کرمانشاه', nameEn: 'Kermanshah' },
  'IR-06': { nameFa: 'خوزستان', nameEn: 'Khuzestan' },
  'IR-07': { nameFa: 'فارس', nameEn: 'Fars' },
  'IR-08': { nameFa: 'کرمان', nameEn: 'Kerman' },
  'IR-09': { nameFa: 'خراسان رضوی', nameEn: 'Razavi Khorasan' },
  'IR-10': { nameFa: 'اصفهان', nameEn: 'Isfahan' },
  'IR-11': { nameFa: 'سیستان و بلوچستان', nameEn: 'Sistan and Baluchestan' },
  'IR-12': { nameFa: 'کردستان', nameEn: 'Kurdistan' },
  'IR-13': { nameFa: 'همدان', nameEn: 'Hamadan' },
  'IR-14': { nameFa: 'چهارمحال و بختیاری', nameEn: 'Chaharmahal and Bakhtiyari' },
  'IR-15': { nameFa: 'لرستان', nameEn: 'Lorestan' },
  'IR-16': { nameFa: 'ایلام', nameEn: 'Ilam' },
  'IR-17': { nameFa: 'کهگیلویه و بویراحمد', nameEn: 'Kohgiluye and Buyer Ahmad' },
  'IR-18': { nameFa: 'بوشهر', nameEn: 'Bushehr' },
  'IR-19': { nameFa: 'زنجان', nameEn: 'Zanjan' },
  'IR-20': { nameFa: 'سمنان', nameEn: 'Semnan' },
  'IR-21': { nameFa: 'یزد', nameEn: 'Yazd' },
  'IR-22': { nameFa: 'هرمزگان', nameEn: 'Hormozgan' },
  'IR-23': { nameFa: 'تهران', nameEn: 'Tehran' },
  'IR-24': { nameFa: 'اردبیل', nameEn: 'Ardabil' },
  'IR-25': { nameFa: 'قم', nameEn: 'Qom' },
  'IR-26': { nameFa: 'قزوین', nameEn: 'Qazvin' },
  'IR-27': { nameFa: 'گلستان', nameEn: 'Golestan' },
  'IR-28': { nameFa: 'خراسان شمالی', nameEn: 'North Khorasan' },
  'IR-29': { nameFa: 'خراسان جنوبی', nameEn: 'South Khorasan' },
  'IR-30': { nameFa: 'البرز', nameEn: 'Alborz' },
};

export const provinces = provinceCodes.map((code) => ({ code, ...names[code] }));
