// The form field names of lib/abuse/challenge.ts, in a module browser code may import.
/** The signed challenge, and the trap (named like a field form-filling bots love to fill). */
export const challengeField = 'challenge';
export const honeypotField = 'website';
