'use server';
import { formGateOf } from '@/lib/abuse/challenge';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { localeOnlySchema, signUpServerSchema } from '@/lib/auth/account-schemas';
import { createAccount } from '@/lib/auth/accounts';
import { signUpEcho } from '@/lib/auth/sign-up-echo';
import { generatePassphrase } from '@/lib/auth/passphrase';

// next-auth is imported inside handlers: its ESM build resolves `next/server` in ways plain
// Node (the Vitest authorization matrix) cannot, and only these calls need it.

/** Creates the account, signs the person in, and returns the recovery codes to show once (and the username she chose). */
export const signUpAction = defineAction({
  name: 'account.signUp',
  schema: signUpServerSchema,
  access: 'public',
  keep: ['username', 'generated', 'saved'],
  // The generated suggestion (and the boxes, when she chose it); never a passphrase she typed (issue 18).
  echo: signUpEcho,
  // Every refused sign-up spends the form's challenge: the form gets a fresh one.
  gate: true,
  handler: async (input, { db, formData }) => {
    const { recoveryCodes } = await createAccount(
      db,
      { username: input.username, passphrase: input.passphrase, locale: input.locale, ...formGateOf(formData) },
      await currentAddressKey(),
    );
    const { signIn } = await import('@/lib/auth/next-auth');
    await signIn('credentials', { username: input.username, passphrase: input.passphrase, redirect: false });
    return { recoveryCodes, username: input.username };
  },
});

/** A random six-word passphrase, generated on the server so it works without JavaScript. */
export const generatePassphraseAction = defineAction({
  name: 'account.generatePassphrase',
  schema: localeOnlySchema,
  access: 'public',
  handler: async () => ({ passphrase: generatePassphrase() }),
});
