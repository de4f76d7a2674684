'use server';
// Instance settings (admins). The action parses the form, then calls lib/settings, which checks
// `settings.manage` again itself and audits every changed value.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { updateSettings } from '@/lib/settings';
import { settingsSchema } from '@/lib/validation/settings';

export const updateSettingsAction = defineAction({
  name: 'settings.update',
  schema: settingsSchema.extend({ locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'settings.manage' },
  keep: ['coordinatedWindowHours'],
  handler: async (input, { viewer, db }) => {
    await updateSettings(db, viewer, { four_eyes: input.fourEyes === 'on', coordinated_window_hours: input.coordinatedWindowHours });
    redirect(`/${input.locale}/staff/settings?saved=1`);
  },
});
