'use server';
import { redirect } from 'next/navigation';
import { formGateOf } from '@/lib/abuse/challenge';
import { challengeField, honeypotField, proofField } from '@/lib/abuse/challenge-fields';
import { defineAction } from '@/lib/actions/define-action';
import { signInServerSchema } from '@/lib/auth/account-schemas';
import { afterSignIn, refusalToError } from '@/lib/auth/sign-in-flow';
import { revokeSession } from '@/lib/auth/sessions';

// next-auth is imported inside handlers: its ESM build resolves `next/server` in ways plain
// Node (the Vitest authorization matrix) cannot, and only these calls need it.

export const signInAction = defineAction({
  name: 'account.signIn',
  schema: signInServerSchema,
  access: 'public',
  keep: ['username', 'next'],
  // A refused attempt may have spent the form's gate: the form gets a fresh one (lib/abuse/guesses.ts).
  gate: true,
  handler: async (input, { db, viewer, formData }) => {
    const { signIn } = await import('@/lib/auth/next-auth');
    const { challenge, proof, trap } = formGateOf(formData);
    try {
      await signIn('credentials', { username: input.username, passphrase: input.passphrase, [challengeField]: challenge, [proofField]: proof, [honeypotField]: trap, redirect: false });
    } catch (error) {
      throw refusalToError(error);
    }
    // Signing in as someone else in the same browser ends the previous session row.
    if (viewer) await revokeSession(db, viewer.sessionId);
    redirect(await afterSignIn(db, input));
  },
});
