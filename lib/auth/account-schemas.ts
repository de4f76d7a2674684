// Server-side extensions of the shared account schemas (lib/validation/account.ts). The
// common-passphrase list (≈49,000 entries) stays on the server; the browser checks only length.
import { z } from 'zod';
import {
  changePassphraseSchema,
  recoverSchema,
  secondFactorSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/validation/account';
import { isCommonPassphrase } from './passphrase';

function refuseCommon(value: { passphrase: string }, context: z.core.$RefinementCtx) {
  if (isCommonPassphrase(value.passphrase)) {
    context.addIssue({ code: 'custom', path: ['passphrase'], message: 'passphraseCommon' });
  }
}

/** `next` is only carried through; it is validated by safeNextPath before any redirect. */
const next = z.string().max(2000).optional();
/** The page's language, for redirects; a hidden field. Anything unknown falls back to English. */
const locale = z.enum(['fa', 'en']).catch('en');
const withLocale = z.object({ locale });

export const signUpServerSchema = withLocale.and(signUpSchema.superRefine(refuseCommon));
export const changePassphraseServerSchema = changePassphraseSchema.superRefine(refuseCommon);
export const signInServerSchema = signInSchema.extend({ next, locale });
export const secondFactorServerSchema = secondFactorSchema.extend({ next, locale });
/** The "set up" button of the enrolment page: no field of its own. */
export const secondFactorStartSchema = withLocale.extend({ next });
export const localeOnlySchema = withLocale;
export const recoverServerSchema = withLocale.and(recoverSchema.superRefine(refuseCommon));
