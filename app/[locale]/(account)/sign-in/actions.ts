'use server';
import { redirect } from 'next/navigation';
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
  handler: async (input, { db, viewer }) => {
    const { signIn } = await import('@/lib/auth/next-auth');
    try {
      await signIn('credentials', { username: input.username, passphrase: input.passphrase, redirect: false });
    } catch (error) {
      throw refusalToError(error);
    }
    // Signing in as someone else in the same browser ends the previous session row.
    if (viewer) await revokeSession(db, viewer.sessionId);
    redirect(await afterSignIn(db, input));
  },
});
