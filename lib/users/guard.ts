// Every function in lib/users starts here: the data layer checks the caller itself, so a page or
// action that forgot its own check still cannot read or change accounts (PRODUCT.md §2.5).
import type { Viewer } from '@/lib/auth/sessions';
import { checkAccess } from '@/lib/authz/access';
import type { Permission } from '@/lib/authz/permissions';

/** Throws `unauthenticated`, `second_factor_required` or `not_found` (never "forbidden"). */
export function requireStaffPermission(viewer: Viewer | null, permission: Permission): Viewer {
  checkAccess(viewer, { permission });
  return viewer!;
}
