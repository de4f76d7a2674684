import 'server-only';
// What happens around next-auth's credentials sign-in: translating its refusal into our typed
// error, and choosing where to go next (staff, and submitters who enabled TOTP, give a code first).
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { isStaffRole } from '@/lib/authz/permissions';
import { AppError } from '@/lib/errors';
import type { SignInRefused } from './next-auth';
import { safeNextPath } from './safe-next';
import { storedUsernameKey } from './username-lookup';

export function refusalToError(error: unknown): unknown {
  const refusal = error as Partial<SignInRefused> & { type?: string };
  // Matched by Auth.js's error type, not instanceof: this module must not load next-auth itself.
  if (refusal.type === 'CredentialsSignin') {
    switch (refusal.code) {
      case 'throttled':
        return new AppError('rate_limited', { retryAfterSeconds: refusal.retryAfterSeconds });
      case 'challenge_wait':
        return new AppError('challenge_wait', { retryAfterSeconds: refusal.retryAfterSeconds });
      case 'challenge_failed':
        return new AppError('challenge_failed');
      default:
        return new AppError('invalid_credentials');
    }
  }
  return error;
}

export function defaultAfterSignIn(locale: string, staff: boolean): string {
  return staff ? `/${locale}/staff` : `/${locale}/account`;
}

/** The URL to send a freshly signed-in person to; `next` is only ever a same-site path. */
export async function afterSignIn(db: Db, input: { username: string; locale: string; next?: string }): Promise<string> {
  const [user] = await db
    .select({ role: users.role, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.usernameKey, await storedUsernameKey(db, input.username)));
  const staff = !!user && isStaffRole(user.role);
  const target = safeNextPath(input.next, input.locale, defaultAfterSignIn(input.locale, staff));
  if (staff || user?.totpEnabledAt) {
    return `/${input.locale}/two-factor?${new URLSearchParams({ next: target })}`;
  }
  return target;
}
