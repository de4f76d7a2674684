import { describe, expect, it } from 'vitest';
import { allPermissions, can, isStaffRole, roles, type Permission, type Role } from './permissions';

// The full matrix, written out so that any change to who may do what shows up in review.
const expected: Record<Permission, readonly Role[]> = {
  'account.manage.own': ['submitter', 'moderator', 'admin'],
  'testimony.submit': ['submitter', 'moderator', 'admin'],
  'testimony.read.own': ['submitter', 'moderator', 'admin'],
  'testimony.edit.own': ['submitter', 'moderator', 'admin'],
  'testimony.withdraw.own': ['submitter', 'moderator', 'admin'],
  'message.reply.own': ['submitter', 'moderator', 'admin'],
  'staff.access': ['moderator', 'admin'],
  'moderation.queue.read': ['moderator', 'admin'],
  'moderation.claim': ['moderator', 'admin'],
  'moderation.decide': ['moderator', 'admin'],
  'moderation.redact': ['moderator', 'admin'],
  'testimony.read.any': ['moderator', 'admin'],
  'message.send': ['moderator', 'admin'],
  'note.write': ['moderator', 'admin'],
  'person.create': ['moderator', 'admin'],
  'person.edit': ['moderator', 'admin'],
  'person.merge': ['moderator', 'admin'],
  'person.verify': ['moderator', 'admin'],
  'contact.read': ['moderator', 'admin'],
  'user.manage': ['admin'],
  'user.invite': ['admin'],
  'collection.manage': ['admin'],
  'settings.manage': ['admin'],
  'data.import': ['admin'],
  'data.export': ['admin'],
  'audit.read': ['admin'],
};

describe('permission matrix', () => {
  it('lists every permission exactly once', () => {
    expect(new Set(allPermissions).size).toBe(allPermissions.length);
    expect([...allPermissions].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const permission of allPermissions) {
    for (const role of roles) {
      const allowed = expected[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it('treats only moderators and admins as staff', () => {
    expect(roles.filter(isStaffRole)).toEqual(['moderator', 'admin']);
  });
});
