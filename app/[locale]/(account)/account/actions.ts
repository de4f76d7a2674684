'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { changePassphraseServerSchema, localeOnlySchema } from '@/lib/auth/account-schemas';
import { changePassphrase, regenerateRecoveryCodes, setEmail, signOutEverywhere } from '@/lib/auth/accounts';
import { emailSchema } from '@/lib/validation/account';

// next-auth is imported inside handlers: its ESM build resolves `next/server` in ways plain
// Node (the Vitest authorization matrix) cannot, and only these calls need it.

const ownAccount = { permission: 'account.manage.own' } as const;

export const changePassphraseAction = defineAction({
  name: 'account.changePassphrase',
  schema: changePassphraseServerSchema,
  access: ownAccount,
  handler: async (input, { db, viewer }) => {
    await changePassphrase(db, viewer!, input, await currentAddressKey());
    return null;
  },
});

export const setEmailAction = defineAction({
  name: 'account.setEmail',
  schema: emailSchema,
  access: ownAccount,
  keep: ['email'],
  handler: async (input, { db, viewer }) => {
    await setEmail(db, viewer!, input.email);
    return null;
  },
});

export const regenerateRecoveryCodesAction = defineAction({
  name: 'account.regenerateRecoveryCodes',
  schema: z.object({}),
  access: ownAccount,
  handler: async (_input, { db, viewer }) => ({ recoveryCodes: await regenerateRecoveryCodes(db, viewer!) }),
});

export const signOutEverywhereAction = defineAction({
  name: 'account.signOutEverywhere',
  schema: localeOnlySchema,
  access: ownAccount,
  handler: async (input, { db, viewer }) => {
    await signOutEverywhere(db, viewer!);
    const { signOut } = await import('@/lib/auth/next-auth');
    await signOut({ redirect: false });
    redirect(`/${input.locale}/sign-in`);
  },
});
