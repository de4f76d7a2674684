// Account form schemas, shared by react-hook-form on the client and the server actions.
// Messages are catalogue keys under `Validation`. The common-passphrase check is added on the
// server only (lib/auth/account-schemas.ts): its 49,000-word list does not belong in a bundle.
import { latinDigits } from '@/lib/i18n/digits';
import { z } from './zod';

export const passphraseMinLength = 12;
export const passphraseMaxLength = 1024;

/** Letters of any script, digits, dot, dash, underscore: no spaces, no look-alike punctuation. */
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'usernameTooShort')
  .max(32, 'usernameTooLong')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'usernameCharacters');

/**
 * Unique key of a username: case, Unicode form, Arabic/Persian letter variants and the script of its
 * digits do not count — «maryam۱۲» typed on a Persian keyboard is maryam12 (lib/i18n/digits.ts).
 */
export function usernameKey(username: string): string {
  return latinDigits(usernameKeyKeepingDigits(username));
}

/**
 * The key as it was before digits were folded (migration 0029): an account whose folded key already
 * belonged to another kept this one, and is found by it (lib/auth/username-lookup.ts).
 */
export function usernameKeyKeepingDigits(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase().replace(/ي/g, 'ی').replace(/ك/g, 'ک');
}

/**
 * The one rule for what counts in a passphrase, wherever one is set, confirmed or checked (sign-up,
 * recovery, change, invitation, sign-in; lib/auth/passphrase.ts hashes and verifies this form):
 * Unicode compatibility form (NFKC: a Persian keyboard's presentation forms are the plain letters),
 * and no white space at either end — invisible, added by a paste, a password manager or a phone
 * keyboard's word completion, never meant. Spaces between words count, and the length limits are
 * counted on this form, so a passphrase is never shorter than it looks.
 */
export function normalizePassphrase(value: string): string {
  return value.normalize('NFKC').trim();
}

/** Whether a passphrase and its confirmation are the same passphrase (by the rule above). */
export function samePassphrase(passphrase: string, confirmation: string): boolean {
  return normalizePassphrase(passphrase) === normalizePassphrase(confirmation);
}

const confirmed = (v: { passphrase: string; passphraseConfirm: string }) => samePassphrase(v.passphrase, v.passphraseConfirm);

/** A new passphrase, as it will be kept: normalized (above), then measured. */
export const passphraseSchema = z
  .string()
  .overwrite(normalizePassphrase)
  .min(passphraseMinLength, 'passphraseTooShort')
  .max(passphraseMaxLength, 'passphraseTooLong');

export const signInSchema = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'usernameTooLong'),
  passphrase: z.string().min(1, 'required').max(passphraseMaxLength, 'passphraseTooLong'),
});

export const signUpSchema = z
  .object({
    username: usernameSchema,
    passphrase: passphraseSchema,
    passphraseConfirm: z.string(),
    // Present when the passphrase was generated: the person confirms they have written it down.
    generated: z.enum(['yes', 'no']).default('no'),
    saved: z.enum(['yes']).optional(),
  })
  .refine(confirmed, { path: ['passphraseConfirm'], message: 'passphraseMismatch' })
  .refine((v) => v.generated === 'no' || v.saved === 'yes', { path: ['saved'], message: 'confirmSaved' });

export const secondFactorSchema = z.object({
  // A code typed on a Persian or Arabic keyboard (۵۸۸۶۳۴) is the same code: its digits are made
  // Latin here, for the sign-in step, the enrolment and recovery codes alike (lib/i18n/digits.ts).
  code: z
    .string()
    .trim()
    .min(6, 'codeInvalid')
    .max(32, 'codeInvalid')
    .transform(latinDigits),
});

export const changePassphraseSchema = z
  .object({
    currentPassphrase: z.string().min(1, 'required').max(passphraseMaxLength, 'passphraseTooLong'),
    passphrase: passphraseSchema,
    passphraseConfirm: z.string(),
  })
  .refine(confirmed, { path: ['passphraseConfirm'], message: 'passphraseMismatch' });

export const emailSchema = z.object({
  email: z.union([z.literal(''), z.email('emailInvalid').max(254, 'emailInvalid')]),
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    username: usernameSchema,
    passphrase: passphraseSchema,
    passphraseConfirm: z.string(),
  })
  .refine(confirmed, { path: ['passphraseConfirm'], message: 'passphraseMismatch' });

/** "I lost my passphrase": a username, one recovery code and a new passphrase (same rules as sign-up). */
export const recoverSchema = z
  .object({
    username: z.string().trim().min(1, 'required').max(64, 'usernameTooLong'),
    code: z.string().trim().min(1, 'required').max(64, 'codeInvalid'),
    passphrase: passphraseSchema,
    passphraseConfirm: z.string(),
  })
  .refine(confirmed, { path: ['passphraseConfirm'], message: 'passphraseMismatch' });
