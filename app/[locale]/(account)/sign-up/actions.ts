'use server';
import { formGateOf } from '@/lib/abuse/challenge';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { localeOnlySchema, signUpServerSchema } from '@/lib/auth/account-schemas';
import { createAccount } from '@/lib/auth/accounts';
import { generatePassphrase } from '@/lib/auth/passphrase';

// next-auth is imported inside handlers: its ESM build resolves `next/server` in ways plain
// Node (the Vitest authorization matrix) cannot, and only these calls need it.

/** Creates the account, signs the person in, and returns the recovery codes to show once (and the username she chose). */
export const signUpAction = defineAction({
  name: 'account.signUp',
  schema: signUpServerSchema,
  access: 'public',
  keep: ['username', 'generated', 'saved'],
  // Without JavaScript a refused post re-renders the page, where the generated passphrase (another
  // form's answer) was gone, and with it the words she had just copied onto paper (issue 18). The
  // form carries the suggestion the page showed (`suggestion`): it comes back, and fills the
  // passphrase boxes again when she had chosen it. It was in the page already; it is a secret only
  // once chosen, and she had it on screen. A passphrase she typed herself is never sent back in a
  // page: the form says so (`passphraseNotKept`) and asks for it again.
  echo: (raw) => {
    const suggestion = typeof raw.suggestion === 'string' && raw.suggestion.length <= 200 ? raw.suggestion.trim() : '';
    const chosen = !!suggestion && raw.passphrase === suggestion && raw.passphraseConfirm === suggestion;
    const typed = typeof raw.passphrase === 'string' && raw.passphrase !== '';
    return {
      ...(suggestion ? { suggestion } : {}),
      ...(chosen ? { passphrase: suggestion, passphraseConfirm: suggestion } : {}),
      ...(typed && !chosen ? { passphraseNotKept: 'yes' } : {}),
    };
  },
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
