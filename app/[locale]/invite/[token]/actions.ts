'use server';
// Accepting a staff invitation: public (the invited person has no account yet); the token is the
// authorization, checked and used up atomically in lib/auth/invitations.ts.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { acceptInvitation } from '@/lib/auth/invitations';
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
    // Signing in is a separate step: it creates the session, and staff then enrol TOTP there.
    const next = `/${input.locale}/staff`;
    redirect(`/${input.locale}/sign-in?${new URLSearchParams({ next, notice: 'invitation-accepted' })}`);
  },
});
