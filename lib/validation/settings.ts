// The settings form's schema, shared by the form and the server action (FormData values are
// strings: the checkbox is "on" or absent, the window a number of hours).
import { z } from './zod';

export const settingDefaults = {
  /** Publishing needs the approval of two different moderators (PRODUCT.md §4). */
  four_eyes: false,
  /** Near-identical testimonies from different accounts this close together are flagged. */
  coordinated_window_hours: 72,
};
export type Settings = typeof settingDefaults;
export type SettingKey = keyof Settings;

export const settingsSchema = z.object({
  fourEyes: z.enum(['on']).optional(),
  coordinatedWindowHours: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(24 * 90, 'invalid'),
});
