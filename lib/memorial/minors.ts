// Minors (issue 5): a person under 18 at the incident is shown publicly by initials, with no
// portrait, father's name, other spellings or name-bearing URL, until two different moderators
// approved publishing their identity (person_identity_approvals). Pure helpers and one SQL rule.
import { sql } from 'drizzle-orm';
import { personIdentityApprovals, persons } from '@/db/schema';

/** Approvals needed before a minor's full name and portrait are public. */
export const minorIdentityApprovalsNeeded = 2;

/** True when the person's identity is withheld from every public surface. */
export const identityWithheld = sql<boolean>`(${persons.minor} and (select count(*) from ${personIdentityApprovals} pia
  where pia.person_id = ${persons.id}) < ${minorIdentityApprovalsNeeded})`;

/** "Mohammad Reza Hosseini" → "M. R. H.", "محمد حسینی" → "م. ح." (first letter of each word). */
export function initials(name: string): string {
  return name
    .split(/[\s\u200c-]+/u)
    .map((word) => [...word.replace(/[^\p{L}]/gu, '')][0])
    .filter((letter): letter is string => !!letter)
    .map((letter) => `${letter.toLocaleUpperCase()}.`)
    .join(' ');
}

/** The slug of a withheld identity: a URL must not spell the name either. */
export const withheldSlug = 'child';
