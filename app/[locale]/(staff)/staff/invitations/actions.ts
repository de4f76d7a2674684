'use server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { createInvitation, invitationRoles, revokeInvitation } from '@/lib/auth/invitations';
import { routing } from '@/lib/i18n/routing';

export const createInvitationAction = defineAction({
  name: 'invitation.create',
  schema: z.object({ role: z.enum(invitationRoles), locale: z.enum(routing.locales) }),
  access: { permission: 'user.invite' },
  keep: ['role'],
  // The token leaves the server only in this answer, once; the page shows it and forgets it.
  handler: async (input, { viewer, db }) => {
    const created = await createInvitation(db, viewer, input);
    return { path: created.path, role: created.role, expiresAt: created.expiresAt.toISOString() };
  },
});

export const revokeInvitationAction = defineAction({
  name: 'invitation.revoke',
  schema: z.object({ invitationId: z.uuid() }),
  access: { permission: 'user.invite' },
  handler: async ({ invitationId }, { viewer, db }) => ({ revoked: await revokeInvitation(db, viewer, invitationId) }),
});
