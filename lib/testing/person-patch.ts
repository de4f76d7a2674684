// Tests' helper: the editor's patch of a person as it is now (every field the form posts).
import type { PersonPatch } from '@/lib/validation/person';
import type { StaffPerson } from '@/lib/persons/read';

export function editable(p: StaffPerson): PersonPatch {
  return {
    nameFa: p.nameFa, nameLatin: p.nameLatin, fatherNameFa: p.fatherNameFa, fatherNameLatin: p.fatherNameLatin, gender: p.gender, age: p.age, birthYear: p.birthYear,
    occupation: p.occupation, incidentDate: p.incidentDate, incidentDatePrecision: p.incidentDatePrecision, province: p.province, city: p.city, place: p.place,
    outcome: p.outcome, cause: p.cause, perpetrator: p.perpetrator, aftermath: p.aftermath, sensitiveContent: p.sensitiveContent,
    status: p.status, verification: p.verification as PersonPatch['verification'], verificationNote: p.verificationNote,
  };
}
