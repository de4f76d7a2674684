// TOTP enrolment and the second step of sign-in. Staff must pass it in every session before any
// staff page or action works (PRODUCT.md §2.6); submitters may opt in. Attempts are throttled per
// account, and a TOTP time step or a recovery code is accepted once only.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db, DbOrTx, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { isStaffRole } from '@/lib/authz/permissions';
import { open, seal, sealPurposes } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';
import { consumeRecoveryCode, hasUnusedRecoveryCodes, replaceRecoveryCodes } from './recovery-codes';
import { markSecondFactorVerified, type Viewer } from './sessions';
import { clearLimit, consumeLimit } from '@/lib/abuse/limits';
import { checkTotp, newTotpSecret, totpQrSvg } from './totp';

const codeInvalid = () => new AppError('invalid_input', { fieldErrors: { code: 'codeInvalid' } });

async function userRow(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      usernameKey: users.usernameKey,
      username: users.username,
      totpSecretEncrypted: users.totpSecretEncrypted,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AppError('not_found');
  return row;
}

async function throttled<T>(db: Db, key: string, attempt: () => Promise<T | null>): Promise<T> {
  await consumeLimit(db, 'second-factor', { account: key });
  const result = await attempt();
  if (result === null) throw codeInvalid();
  await clearLimit(db, 'second-factor', key);
  return result;
}

export type Enrolment = { secret: string; qrSvg: string };

/**
 * Starts setting up TOTP (the "set up" button, a POST): a pending secret is kept sealed on the
 * user row with `totp_enabled_at` still null, so reloading the page shows the same QR code and
 * nothing is enforced until a code proves the authenticator has it. Pressing it again keeps the
 * pending secret. Audited: a secret now exists for this account.
 */
export async function beginEnrolment(db: Db, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    const started = await tx
      .update(users)
      .set({ totpSecretEncrypted: seal(newTotpSecret(), sealPurposes.totpSecret), totpLastStep: null })
      .where(and(eq(users.id, viewer.userId), isNull(users.totpSecretEncrypted), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (started.length > 0) {
      await appendAudit(tx, { actorId: viewer.userId, action: 'account.totp_setup_started', targetType: 'user', targetId: viewer.userId });
      return;
    }
    if ((await userRow(tx, viewer.userId)).totpEnabledAt) throw new AppError('conflict');
  });
}

/** The set-up in progress (what the enrolment page shows), or null before "set up" was pressed. Reads only. */
export async function pendingEnrolment(db: Db, viewer: Viewer): Promise<Enrolment | null> {
  const row = await userRow(db, viewer.userId);
  if (row.totpEnabledAt) throw new AppError('conflict');
  if (!row.totpSecretEncrypted) return null;
  const secret = open(row.totpSecretEncrypted, sealPurposes.totpSecret);
  return { secret, qrSvg: await totpQrSvg(secret, row.username) };
}

/**
 * Turns TOTP on once a code from the new authenticator verifies, marks this session verified and,
 * if the account has no unused recovery codes, returns a fresh set to show once.
 */
export async function confirmEnrolment(db: Db, viewer: Viewer, code: string): Promise<{ recoveryCodes: string[] | null }> {
  const row = await userRow(db, viewer.userId);
  if (row.totpEnabledAt || !row.totpSecretEncrypted) throw new AppError('conflict');
  const secret = open(row.totpSecretEncrypted, sealPurposes.totpSecret);
  return throttled(db, row.usernameKey, async () => {
    const check = await checkTotp(secret, code, null);
    if (!check.valid) return null;
    return db.transaction(async (tx) => {
      const enabled = await tx
        .update(users)
        .set({ totpEnabledAt: new Date(), totpLastStep: check.timeStep })
        .where(and(eq(users.id, viewer.userId), isNull(users.totpEnabledAt)))
        .returning({ id: users.id });
      if (enabled.length === 0) throw new AppError('conflict');
      await markSecondFactorVerified(tx, viewer.sessionId);
      const recoveryCodes = (await hasUnusedRecoveryCodes(tx, viewer.userId)) ? null : await replaceRecoveryCodes(tx, viewer.userId);
      await appendAudit(tx, { actorId: viewer.userId, action: 'account.totp_enrolled', targetType: 'user', targetId: viewer.userId });
      return { recoveryCodes };
    });
  });
}

/** Accepts a TOTP code (each time step once) or an unused recovery code for this session. */
export async function verifySecondFactor(db: Db, viewer: Viewer, code: string): Promise<{ method: 'totp' | 'recovery_code' }> {
  if (viewer.secondFactor !== 'required') throw new AppError('conflict');
  const row = await userRow(db, viewer.userId);
  if (!row.totpEnabledAt || !row.totpSecretEncrypted) throw new AppError('conflict');
  const secret = open(row.totpSecretEncrypted, sealPurposes.totpSecret);
  const compact = code.replace(/\s+/g, '');
  return throttled(db, row.usernameKey, async () => {
    const check = /^\d{6}$/.test(compact) ? await checkTotp(secret, compact, row.totpLastStep) : null;
    if (check && !check.valid) return null;
    return db.transaction(async (tx) => {
      const method = check ? 'totp' : 'recovery_code';
      const accepted = check ? await claimTimeStep(tx, viewer.userId, check.timeStep) : await consumeRecoveryCode(tx, viewer.userId, compact);
      if (!accepted) return null;
      await markSecondFactorVerified(tx, viewer.sessionId);
      // Staff sign-ins and every recovery-code use are worth a trace; a submitter's routine TOTP is not.
      if (isStaffRole(viewer.role) || method === 'recovery_code') {
        await appendAudit(tx, { actorId: viewer.userId, action: 'account.second_factor_verified', targetType: 'user', targetId: viewer.userId, details: { method } });
      }
      return { method } as const;
    });
  });
}

/**
 * Records a TOTP time step as used. The condition makes it atomic: of two requests with the same
 * code (a replay racing the original), only one updates the row.
 */
async function claimTimeStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const claimed = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0;
}
