// The access rule of every action and route, checked where data is read or written.
import { AppError } from '@/lib/errors';
import type { Viewer } from '@/lib/auth/sessions';
import { can, type Permission } from './permissions';

export type Access =
  /** Anyone, signed in or not. */
  | 'public'
  /** A session exists, even one whose staff user has not yet given the TOTP code (2FA pages only). */
  | 'session'
  /** Fully signed in: staff accounts have given their second factor in this session. */
  | 'signed-in'
  | { permission: Permission };

/**
 * Throws `unauthenticated` without a session, `second_factor_required` for staff who have not
 * completed 2FA, and `not_found` when the role lacks the permission (never "forbidden": a
 * private thing's existence is not revealed).
 */
export function checkAccess(viewer: Viewer | null, access: Access): void {
  if (access === 'public') return;
  if (!viewer) throw new AppError('unauthenticated');
  if (access === 'session') return;
  if (viewer.secondFactor === 'required' || viewer.secondFactor === 'enrolment-required') {
    throw new AppError('second_factor_required');
  }
  if (access === 'signed-in') return;
  if (!can(viewer.role, access.permission)) throw new AppError('not_found');
}

export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : access.permission;
}
