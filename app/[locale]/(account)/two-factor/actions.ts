'use server';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { secondFactorServerSchema, secondFactorStartSchema } from '@/lib/auth/account-schemas';
import { safeNextPath } from '@/lib/auth/safe-next';
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from '@/lib/auth/second-factor';
import { defaultAfterSignIn } from '@/lib/auth/sign-in-flow';
import { isStaffRole } from '@/lib/authz/permissions';

// These need only a session: they are how a staff session becomes fully signed in.
export const verifySecondFactorAction = defineAction({
  name: 'account.verifySecondFactor',
  schema: secondFactorServerSchema,
  access: 'session',
  keep: ['next'],
  handler: async (input, { db, viewer }) => {
    await verifySecondFactor(db, viewer!, input.code);
    redirect(safeNextPath(input.next, input.locale, defaultAfterSignIn(input.locale, isStaffRole(viewer!.role))));
  },
});

/**
 * "Set up": stores the pending secret, then back to the page that shows its QR code (a GET that
 * only reads): the sign-in step for staff who must enrol, the account page for everyone else.
 */
export const beginEnrolmentAction = defineAction({
  name: 'account.beginEnrolment',
  schema: secondFactorStartSchema,
  access: 'session',
  handler: async (input, { db, viewer }) => {
    await beginEnrolment(db, viewer!);
    if (viewer!.secondFactor !== 'enrolment-required') redirect(`/${input.locale}/account/two-factor`);
    const next = safeNextPath(input.next, input.locale, defaultAfterSignIn(input.locale, isStaffRole(viewer!.role)));
    redirect(`/${input.locale}/two-factor?next=${encodeURIComponent(next)}`);
  },
});

export const confirmEnrolmentAction = defineAction({
  name: 'account.confirmEnrolment',
  schema: secondFactorServerSchema,
  access: 'session',
  keep: ['next'],
  handler: async (input, { db, viewer }) => {
    const next = safeNextPath(input.next, input.locale, defaultAfterSignIn(input.locale, isStaffRole(viewer!.role)));
    const { recoveryCodes } = await confirmEnrolment(db, viewer!, input.code);
    // New recovery codes must be seen before moving on; otherwise go straight to the next page.
    if (!recoveryCodes) redirect(next);
    return { recoveryCodes, next };
  },
});
