'use server';
// User administration. Each action parses, then calls one checked function in lib/users, which
// checks `user.manage` again itself (the wrapper's check is not the only one).
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { roles } from '@/lib/authz/permissions';
import { changeRole, disableUser, enableUser, resetTwoFactor, signOutEverywhereFor } from '@/lib/users/manage';
import { UserChangeRefused, type RefusalReason } from '@/lib/users/refusals';

type Result = { done: true } | { done: false; refused: RefusalReason };

const target = z.object({ userId: z.uuid() });
const manage = { permission: 'user.manage' } as const;

/** A refusal the admin can act on ("not your own account") is a result, not a failure. */
async function attempt(change: () => Promise<void>): Promise<Result> {
  try {
    await change();
    return { done: true };
  } catch (error) {
    if (error instanceof UserChangeRefused) return { done: false, refused: error.reason };
    throw error;
  }
}

export const changeRoleAction = defineAction({
  name: 'user.changeRole',
  schema: target.extend({ role: z.enum(roles) }),
  access: manage,
  handler: (input, { viewer, db }) => attempt(() => changeRole(db, viewer, input)),
});

export const disableUserAction = defineAction({
  name: 'user.disable',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt(() => disableUser(db, viewer, input.userId)),
});

export const enableUserAction = defineAction({
  name: 'user.enable',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt(() => enableUser(db, viewer, input.userId)),
});

export const resetTwoFactorAction = defineAction({
  name: 'user.resetTwoFactor',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt(() => resetTwoFactor(db, viewer, input.userId)),
});

export const signOutEverywhereForAction = defineAction({
  name: 'user.signOutEverywhere',
  schema: target,
  access: manage,
  handler: (input, { viewer, db }) => attempt(() => signOutEverywhereFor(db, viewer, input.userId)),
});
