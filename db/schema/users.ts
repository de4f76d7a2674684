import { bigint, boolean, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns';

export const userRole = pgEnum('user_role', ['submitter', 'moderator', 'admin']);

/**
 * Accounts are pseudonymous: a username suffices. There is deliberately no plain e-mail column;
 * an e-mail, if given, is stored sealed (lib/crypto/secret-box.ts). No IP address is kept anywhere.
 */
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull(),
  // Lower-cased, NFKC-normalized form: uniqueness and sign-in lookups use this, so "Ali" and "ali"
  // cannot be two accounts.
  usernameKey: text().notNull().unique('users_username_key_unique'),
  emailEncrypted: text(),
  role: userRole().notNull().default('submitter'),
  passwordHash: text().notNull(),
  totpSecretEncrypted: text(),
  totpEnabledAt: tstz(),
  // Last accepted TOTP time step: a code is accepted once only (replay protection).
  totpLastStep: bigint({ mode: 'number' }),
  // Stored in every session token; bumping it ends every session of the user at once.
  sessionVersion: integer().notNull().default(0),
  disabledAt: tstz(),
  isDemo: boolean().notNull().default(false),
  locale: text().notNull().default('fa'),
  createdAt: createdAt(),
  lastSeenAt: tstz(),
});

/** One-time 2FA recovery codes; only a hash is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

/** Staff invitations; the token itself is only shown once, the database keeps its hash. */
export const invitations = pgTable('invitations', {
  id: uuid().primaryKey().defaultRandom(),
  tokenHash: text().notNull().unique('invitations_token_hash_unique'),
  role: userRole().notNull(),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  expiresAt: tstz().notNull(),
  usedAt: tstz(),
  usedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * Failed sign-in throttling keyed by the normalized username (or a keyed hash of it), never by
 * IP address: the threat model forbids storing addresses.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: tstz().notNull().defaultNow(),
  lockedUntil: tstz(),
});
