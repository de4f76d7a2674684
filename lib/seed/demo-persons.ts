// Demo persons. Every one is FICTIONAL and marked as such in both scripts: "(demo)" / «(نمونه)»,
// with the invented surname "Example" / «نمونه‌زاده», so no demo record can be mistaken for a victim.
import { createHash } from 'node:crypto';
import type { ProvinceCode } from '../geo/provinces';

/**
 * Demo persons have fixed ids derived from their slug, so end-to-end tests can name an unpublished
 * demo person's id (a public page must answer it exactly like an unknown id).
 */
export function demoPersonId(slug: string): string {
  const h = createHash('sha256').update(`yadman-demo-person:${slug}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type DemoPerson = {
  slug: string;
  fa: string;
  latin: string;
  fatherFa?: string;
  gender: 'female' | 'male';
  age: number;
  province: ProvinceCode;
  city: string;
  date: string;
  outcome: 'killed' | 'injured' | 'detained' | 'disappeared' | 'executed' | 'other';
  perpetrator: 'irgc' | 'basij' | 'police' | 'plainclothes' | 'unknown' | 'other';
  aftermath: string[];
  status: 'draft' | 'published' | 'hidden';
  verification: 'unverified' | 'corroborated' | 'verified';
  occupation?: string;
  /** A minor whose full name two demo staff approved for publication (issue 5); others stay initials. */
  identityApproved?: true;
};

const p = (x: Omit<DemoPerson, 'fa' | 'latin'> & { first: [string, string] }): DemoPerson => ({
  ...x,
  fa: `${x.first[0]} نمونه‌زاده (نمونه)`,
  latin: `${x.first[1]} Example (demo)`,
});

export const demoPersons: DemoPerson[] = [
  p({ slug: 'demo-arash-example', first: ['آرش', 'Arash'], fatherFa: 'بهرام (نمونه)', gender: 'male', age: 22, province: 'IR-23', city: 'Tehran', date: '2019-11-16', outcome: 'killed', perpetrator: 'irgc', aftermath: ['body_withheld', 'burial_restricted'], status: 'published', verification: 'verified', occupation: 'student' }),
  p({ slug: 'demo-shirin-example', first: ['شیرین', 'Shirin'], gender: 'female', age: 34, province: 'IR-06', city: 'Mahshahr', date: '2019-11-18', outcome: 'killed', perpetrator: 'irgc', aftermath: ['family_threatened'], status: 'published', verification: 'corroborated', occupation: 'teacher' }),
  p({ slug: 'demo-kian-example', first: ['کیان', 'Kian'], gender: 'male', age: 15, province: 'IR-10', city: 'Isfahan', date: '2019-11-16', outcome: 'killed', perpetrator: 'plainclothes', aftermath: ['forced_statement', 'burial_restricted'], status: 'published', verification: 'verified', identityApproved: true }),
  p({ slug: 'demo-nasrin-example', first: ['نسرین', 'Nasrin'], gender: 'female', age: 41, province: 'IR-07', city: 'Shiraz', date: '2019-11', outcome: 'injured', perpetrator: 'police', aftermath: [], status: 'published', verification: 'unverified' }),
  p({ slug: 'demo-babak-example', first: ['بابک', 'Babak'], gender: 'male', age: 27, province: 'IR-05', city: 'Kermanshah', date: '2019-11-17', outcome: 'detained', perpetrator: 'basij', aftermath: ['family_threatened'], status: 'published', verification: 'corroborated', occupation: 'driver' }),
  p({ slug: 'demo-leila-example', first: ['لیلا', 'Leila'], gender: 'female', age: 19, province: 'IR-30', city: 'Karaj', date: '2019-11-16', outcome: 'disappeared', perpetrator: 'unknown', aftermath: [], status: 'published', verification: 'unverified' }),
  p({ slug: 'demo-omid-example', first: ['امید', 'Omid'], gender: 'male', age: 30, province: 'IR-09', city: 'Mashhad', date: '2019-11-17', outcome: 'executed', perpetrator: 'other', aftermath: ['forced_statement', 'body_withheld'], status: 'published', verification: 'verified', occupation: 'worker' }),
  p({ slug: 'demo-sara-example', first: ['سارا', 'Sara'], gender: 'female', age: 16, province: 'IR-12', city: 'Sanandaj', date: '2019-11-18', outcome: 'killed', perpetrator: 'irgc', aftermath: ['burial_restricted'], status: 'published', verification: 'corroborated' }),
  p({ slug: 'demo-reza-example', first: ['رضا', 'Reza'], gender: 'male', age: 45, province: 'IR-11', city: 'Zahedan', date: '2019-11-16', outcome: 'injured', perpetrator: 'police', aftermath: [], status: 'published', verification: 'unverified', occupation: 'shopkeeper' }),
  p({ slug: 'demo-mina-example', first: ['مینا', 'Mina'], gender: 'female', age: 25, province: 'IR-03', city: 'Tabriz', date: '2019-11-19', outcome: 'detained', perpetrator: 'plainclothes', aftermath: ['family_threatened'], status: 'draft', verification: 'unverified' }),
  p({ slug: 'demo-farhad-example', first: ['فرهاد', 'Farhad'], gender: 'male', age: 17, province: 'IR-22', city: 'Bandar Abbas', date: '2019-11-17', outcome: 'killed', perpetrator: 'unknown', aftermath: [], status: 'draft', verification: 'unverified' }),
  p({ slug: 'demo-parisa-example', first: ['پریسا', 'Parisa'], gender: 'female', age: 38, province: 'IR-01', city: 'Rasht', date: '2019-11-16', outcome: 'other', perpetrator: 'unknown', aftermath: [], status: 'hidden', verification: 'unverified' }),
];
