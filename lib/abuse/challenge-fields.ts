// The form field names of lib/abuse/challenge.ts, in a module browser code may import.
/** The signed challenge, and the trap (named like a field form-filling bots love to fill). */
export const challengeField = 'challenge';
export const honeypotField = 'website';
/** The solved proof of work the ALTCHA widget adds (lib/abuse/proof-of-work.ts). */
export const proofField = 'altcha';
