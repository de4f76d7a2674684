'use server';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { recoverServerSchema } from '@/lib/auth/account-schemas';
import { recoverAccount } from '@/lib/auth/recovery';

/** "I lost my passphrase": returns how many recovery codes are left; the person then signs in. */
export const recoverAction = defineAction({
  name: 'account.recover',
  schema: recoverServerSchema,
  access: 'public',
  keep: ['username'],
  handler: async (input, { db }) => recoverAccount(db, input, await currentAddressKey()),
});
