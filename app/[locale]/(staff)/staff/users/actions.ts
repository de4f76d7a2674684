'use server';
// User administration. Each action parses, then calls one checked function in lib/users, which
// checks `user.manage` again itself (the wrapper's check is not the only one).
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { roles } from '@/lib/authz/permissions';
import { changeRole, disableUser, enableUser, resetTwoFactor, signOutEverywhereFor } from '@/lib/users/manage';
import { UserChangeRefused, type RefusalReason } from '@/lib/users/refusals';

type Done = 'role' | 'disable' | 'enable' | 'totp' | 'sessions';
/** `did` names what was done, so the form's notice says it even after the row has changed. */
type Result = { done: true; did: Done } | { done: false; refused: RefusalReason };

const target = z.object({ userId: z.uuid() });
const manage = { permission: 'user.manage' } as const;

/** A refusal the admin can act on ("not your own account") is a result, not a failure. */
async function attempt(did: Done, change: () => Promise<void>): Promise<Result> {
  try {
    await change();
    return { done: true, did };
  } catch (error) {
    if (error instanceof UserChangeRefused) return { done: false, refused: error.reason };
    throw error;
  }
}

export const changeRoleAction = defineAction({
  name: 'user.changeRole',
  schema: target.extend({ role: z.enum(roles) }),
  access: manage,
  handler: (input, { viewer, db }) => attempt('role', () => changeRole(db, viewer, input)),
});

/**
 * Disable and enable are one action on one form: the form keeps its place in the row when the
 * account's state flips, so its answer (with or without JavaScript) is the answer to what was asked.
 */
export const setUserAccessAction = defineAction({
  name: 'user.setAccess',
  schema: target.extend({ access: z.enum(['disable', 'enable']) }),
  access: manage,
  handler: ({ userId, access }, { viewer, db }) =>
    attempt(access, () => (access === 'disable' ? disableUser(db, viewer, userId) : enableUser(db, viewer, userId))),
});

export const resetTwoFactorAction = defineAction({
  name: 'user.resetTwoFactor',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt('totp', () => resetTwoFactor(db, viewer, input.userId)),
});

export const signOutEverywhereForAction = defineAction({
  name: 'user.signOutEverywhere',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt('sessions', () => signOutEverywhereFor(db, viewer, input.userId)),
});
