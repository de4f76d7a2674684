// Who is asking: the one guard every data function in lib/ calls first, so a page or action that
// forgot its own check still cannot read or change anything (PRODUCT.md §2.5). Built on
// `checkAccess` (./access.ts), the rule `defineAction` and `requirePageAccess` apply as well.
import type { Viewer } from '@/lib/auth/sessions';
import { checkAccess } from './access';
import type { Permission } from './permissions';

/**
 * The viewer, when their role has `permission` (for the `….own` permissions, `viewer.userId` is
 * the owner to filter by). Throws `unauthenticated`, `second_factor_required` or `not_found`
 * (never "forbidden").
 */
export function requirePermission(viewer: Viewer | null, permission: Permission): Viewer {
  checkAccess(viewer, { permission });
  return viewer!;
}

/** The viewer, when fully signed in (staff have given their second factor), whatever the role. */
export function requireSignedIn(viewer: Viewer | null): Viewer {
  checkAccess(viewer, 'signed-in');
  return viewer!;
}
