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
  // The recovery code too (issue 18): a refusal without JavaScript must not make her find and type
  // it again — the answer goes only to the browser that just posted it (no-store), as the field
  // itself keeps it with JavaScript. The new passphrase is cleared, as at sign-up.
  keep: ['username', 'code'],
  handler: async (input, { db }) => recoverAccount(db, input, await currentAddressKey()),
});
