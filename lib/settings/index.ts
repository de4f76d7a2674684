import 'server-only';
// Instance-wide settings admins change at run time (the `settings` table). Reading a setting
// inside a decision is internal (`readSetting`); the settings page reads and writes through
// `getSettings` / `updateSettings`, which check `settings.manage` themselves and audit each change.
import { eq } from 'drizzle-orm';
import { settings } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { settingDefaults, type SettingKey, type Settings } from '@/lib/validation/settings';

export { settingDefaults, type SettingKey, type Settings };

/** The stored value, or its default when never set (or stored with the wrong type). */
export async function readSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<Settings[K]> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const fallback = settingDefaults[key];
  return row && typeof row.value === typeof fallback ? (row.value as Settings[K]) : fallback;
}

export async function getSettings(db: Db, viewer: Viewer | null): Promise<Settings> {
  requirePermission(viewer, 'settings.manage');
  const entries = await Promise.all((Object.keys(settingDefaults) as SettingKey[]).map(async (key) => [key, await readSetting(db, key)] as const));
  return Object.fromEntries(entries) as Settings;
}

/** Writes the settings that changed, one audit entry each (old and new value), in one transaction. */
export async function updateSettings(db: Db, viewer: Viewer | null, input: Settings): Promise<{ changed: SettingKey[] }> {
  const admin = requirePermission(viewer, 'settings.manage');
  return db.transaction(async (tx) => {
    const changed: SettingKey[] = [];
    for (const key of Object.keys(settingDefaults) as SettingKey[]) {
      const before = await readSetting(tx, key);
      if (before === input[key]) continue;
      await tx
        .insert(settings)
        .values({ key, value: input[key], updatedBy: admin.userId })
        .onConflictDoUpdate({ target: settings.key, set: { value: input[key], updatedBy: admin.userId, updatedAt: new Date() } });
      await appendAudit(tx, { actorId: admin.userId, action: 'settings.update', targetType: 'setting', targetId: key, details: { from: before, to: input[key] } });
      changed.push(key);
    }
    return { changed };
  });
}
