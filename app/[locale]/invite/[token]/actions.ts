'use server';
// Accepting a staff invitation: public (the invited person has no account yet); the token is the
// authorization, checked and used up atomically in lib/auth/invitations.ts.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { acceptInvitation, invitedUsernameCookie } from '@/lib/auth/invitations';
import { isCommonPassphrase } from '@/lib/auth/passphrase';
import { routing } from '@/lib/i18n/routing';
import { acceptInvitationSchema } from '@/lib/validation/account';

// The common-passphrase list stays on the server, so this check is added here, not in the shared schema.
const schema = acceptInvitationSchema
  .and(z.object({ locale: z.enum(routing.locales) }))
  .superRefine((v, ctx) => {
    if (isCommonPassphrase(v.passphrase)) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'passphraseCommon' });
  });

export const acceptInvitationAction = defineAction({
  name: 'invitation.accept',
  schema,
  access: 'public',
  keep: ['username'],
  handler: async (input, { db }) => {
    await acceptInvitation(db, input);
    // The sign-in page fills in the new username: kept in a short-lived cookie for this browser,
    // not in the address, which history and shared links would keep.
    (await cookies()).set(invitedUsernameCookie, input.username, { httpOnly: true, sameSite: 'lax', path: `/${input.locale}/sign-in`, maxAge: 600 });
    // Signing in is a separate step: it creates the session, and staff then enrol TOTP there.
    const next = `/${input.locale}/staff`;
    redirect(`/${input.locale}/sign-in?${new URLSearchParams({ next, notice: 'invitation-accepted' })}`);
  },
});
