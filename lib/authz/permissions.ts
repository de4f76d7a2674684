// The one table that decides what each role may do. Nothing else in the code base may
// compare roles directly: data functions check a permission with `requirePermission()` (lib/authz/guard.ts).
export const roles = ['submitter', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

const submitterPermissions = [
  'account.manage.own',
  'testimony.submit',
  'testimony.read.own',
  'testimony.edit.own',
  'testimony.withdraw.own',
  'message.reply.own',
] as const;

const moderatorPermissions = [
  ...submitterPermissions,
  'staff.access',
  'moderation.queue.read',
  'moderation.claim',
  'moderation.decide',
  'moderation.redact',
  'testimony.read.any',
  'message.send',
  'note.write',
  'person.create',
  'person.edit',
  'person.merge',
  'person.verify',
  'contact.read',
] as const;

const adminPermissions = [
  ...moderatorPermissions,
  'user.manage',
  'user.invite',
  'collection.manage',
  'settings.manage',
  'data.import',
  'data.export',
  'audit.read',
] as const;

export type Permission = (typeof adminPermissions)[number];

export const permissionsByRole: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  submitter: new Set<Permission>(submitterPermissions),
  moderator: new Set<Permission>(moderatorPermissions),
  admin: new Set<Permission>(adminPermissions),
};

export const allPermissions: readonly Permission[] = adminPermissions;

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}

/** Roles whose accounts can reach staff pages and therefore must use TOTP (PRODUCT.md §2.6). */
export function isStaffRole(role: Role): boolean {
  return can(role, 'staff.access');
}
