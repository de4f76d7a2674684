// Which stored key a typed username names. Keys fold Persian and Arabic-Indic digits into Latin
// ones (lib/validation/account.ts), and migration 0029 folded the keys stored before that — except
// where the folded key already belonged to another account («maryam۱۲» beside «maryam12»): that
// account kept its key, and is still found by typing its digits as stored, exactly as before.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { usernameKey, usernameKeyKeepingDigits } from '@/lib/validation/account';

/** The key to look a typed username up by: the folded key, unless an account kept the key as typed. */
export async function storedUsernameKey(db: DbOrTx, username: string): Promise<string> {
  const folded = usernameKey(username);
  const asTyped = usernameKeyKeepingDigits(username);
  if (asTyped === folded) return folded;
  const [kept] = await db.select({ key: users.usernameKey }).from(users).where(eq(users.usernameKey, asTyped));
  return kept ? asTyped : folded;
}
