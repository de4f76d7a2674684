// One-time recovery codes for accounts whose authenticator is lost. Each code carries 60 random
// bits, so a plain SHA-256 is enough to keep them from being read out of a database copy (a slow
// hash protects low-entropy secrets such as passphrases, not these). Shown once, never stored.
import { createHash, randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recoveryCodes } from '@/db/schema';
import { latinDigits } from '@/lib/i18n/digits';
import type { DbOrTx } from '@/db/types';

export const recoveryCodeCount = 10;
// Crockford-style alphabet: no 0/O or 1/I/L confusion when a code is copied by hand.
const alphabet = '23456789abcdefghjkmnpqrstuvwxyz';
const groups = 3;
const groupLength = 4;

export function generateRecoveryCode(): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join(''),
  ).join('-');
}

/** Case, spaces, dashes and the keyboard's digits (۹۲ or 92) do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return latinDigits(code).toLowerCase().replace(/[\s-]+/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/** Replaces every code of the user with a fresh set and returns the plain codes (show them once). */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, generateRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function hasUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .limit(1);
  return !!row;
}

/** How many codes the user can still spend (0: nothing else can recover the account). */
export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks a code used and reports whether it was valid. The `used_at IS NULL` condition in the
 * UPDATE makes this atomic: two requests racing with the same code cannot both succeed.
 */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== groups * groupLength) return false;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}
