// The database half of lib/concurrency/version.ts: the versioned UPDATE and its refusal.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '@/lib/errors';
import { staleKey } from './version';

/** SET and WHERE parts of a versioned update: bump the version, only where it is still `expected`. */
export function versioned(column: PgColumn, expected: number): { bump: SQL; current: SQL } {
  return { bump: sql`${column} + 1`, current: eq(column, expected) };
}

/**
 * Throws when the versioned update changed no row: `conflict`, with the stale mark on `field`
 * (the transaction rolls back, so nothing of the edit was written).
 */
export function requireFresh(updated: readonly unknown[], field: string): void {
  if (updated.length === 0) throw new AppError('conflict', { fieldErrors: { [field]: staleKey } });
}
